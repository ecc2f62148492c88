package io.cachewatch.inventory;

/**
 * Port to one inventory source (ElastiCache, MemoryDB). Implementations never throw for API failures: they return
 * what they could read and record every failure as a {@link DiscoveryError}, so the region is marked incomplete.
 */
public interface ClusterDiscovery {
    RegionInventory discover(String region);
}
