package io.cachewatch.inventory;

/**
 * Port to a source of posture that the cluster listings do not carry (security group rules, RBAC user groups,
 * service updates). Implementations never throw for API failures: an API this account may not call or the service
 * does not offer leaves the affected fields unknown with the reason; any other failure also becomes a
 * {@link DiscoveryError} of the region.
 */
public interface PostureReader {
    RegionInventory enrich(RegionInventory region);
}
