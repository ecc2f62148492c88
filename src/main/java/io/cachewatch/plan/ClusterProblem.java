package io.cachewatch.plan;

import io.cachewatch.inventory.ClusterRef;

/**
 * A cluster whose desired state cannot be known (unknown profile, a bad tag, a threshold that cannot be evaluated, a
 * dashboard that cannot be rendered). Its managed resources are held as they are: neither updated nor deleted.
 *
 * @param ref {@link ClusterRef#ofFleet} for a problem of the region's overview
 */
public record ClusterProblem(String region, ClusterRef ref, String message) {
    /** The cluster's id as people and tools know it; null for the region as a whole. */
    public String cluster() {
        return ref == null || ref.fleet() ? null : ref.id();
    }
}
