package io.cachewatch.alarm;

import io.cachewatch.inventory.ClusterRef;

/**
 * Which resource and rule an alarm exists for. Written into every managed alarm's description (a machine-readable
 * last line), because DescribeAlarms does not return tags and reading them would cost one call per alarm.
 *
 * @param kind the cluster's identity kind ({@link ClusterRef}); null in an owner line written before it carried one
 * @param node null for cluster-level alarms (serverless caches, cluster-scope rules)
 */
public record AlarmOwner(String region, String kind, String cluster, String node, String rule, String profile) {
    /** The owner of an alarm of a replication group, serverless cache or MemoryDB cluster of that kind's id. */
    public AlarmOwner(String region, String cluster, String node, String rule, String profile) {
        this(region, "elasticache", cluster, node, rule, profile);
    }

    public AlarmOwner(String region, ClusterRef cluster, String node, String rule, String profile) {
        this(region, cluster.kind(), cluster.id(), node, rule, profile);
    }

    /** The cluster it is for; null when the owner line is of the old form, which did not name the kind. */
    public ClusterRef ref() {
        return kind == null ? null : new ClusterRef(kind, cluster);
    }
}
