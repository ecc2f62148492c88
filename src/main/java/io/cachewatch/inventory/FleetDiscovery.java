package io.cachewatch.inventory;

import java.util.ArrayList;
import java.util.List;

/** Discovers every configured region through every source (ElastiCache, MemoryDB) and merges the results. */
public final class FleetDiscovery {
    private final List<ClusterDiscovery> sources;

    public FleetDiscovery(List<ClusterDiscovery> sources) {
        this.sources = List.copyOf(sources);
    }

    public Fleet discover(List<String> regions) {
        List<RegionInventory> inventories = new ArrayList<>();
        for (String region : regions) {
            List<Cluster> clusters = new ArrayList<>();
            List<DiscoveryError> errors = new ArrayList<>();
            for (ClusterDiscovery source : sources) {
                RegionInventory found = source.discover(region);
                clusters.addAll(found.clusters());
                errors.addAll(found.errors());
            }
            inventories.add(new RegionInventory(region, clusters, errors));
        }
        return new Fleet(inventories);
    }
}
