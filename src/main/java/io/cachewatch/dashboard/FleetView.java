package io.cachewatch.dashboard;

import java.util.List;

/**
 * What the fleet template sees for one region.
 *
 * @param byEngine    cluster counts by kind and engine ({@code elasticache redis: 12})
 * @param byStatus    cluster counts by status
 * @param namespaces  CloudWatch namespaces of the region's clusters, for the busiest-node queries
 */
public record FleetView(String region, int clusterCount, int nodeCount, List<Count> byEngine, List<Count> byStatus,
                        List<String> namespaces, boolean elastiCache, boolean memoryDb, List<ClusterView.AlarmGroup> alarmGroups,
                        int page, int pages) {
    /** One row of a count table. */
    public record Count(String label, long count) {
    }
}
