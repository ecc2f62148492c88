package io.cachewatch.dashboard;

import java.util.List;

/**
 * What a cluster template sees: one page of a cluster. Strings are raw; templates escape them with {@code .json}
 * (a quoted JSON string) or {@code .esc} (escaped, inside a quoted string). {@code dims} fields are ready-made JSON
 * array members ({@code "CacheClusterId","orders-001","CacheNodeId","0001"}), exactly as CloudWatch publishes the metrics.
 *
 * @param targets     cluster-level dimension sets: one per serverless cache or MemoryDB cluster, one per member
 *                    cluster of a replication group
 * @param thresholds  {@code thresholds.<Metric>}: the horizontal annotations (JSON array) of that metric's alarms
 */
public record ClusterView(
        String region,
        String id,
        String kind,
        String namespace,
        String engine,
        String engineName,
        String engineVersion,
        String nodeType,
        String status,
        boolean clusterMode,
        int shardCount,
        int replicasPerShard,
        int nodeCount,
        String consoleUrl,
        String runbookUrl,
        String profile,
        int page,
        int pages,
        List<ShardView> shards,
        List<NodeView> nodes,
        List<String> targets,
        List<AlarmGroup> alarmGroups,
        Thresholds thresholds) {

    /** One shard's nodes on this page. */
    public record ShardView(String id, boolean replicated, List<NodeView> nodes) {
    }

    /** One node: the label a reader knows it by, its role, and its metric dimensions as JSON array members. */
    public record NodeView(String label, String role, String dims) {
    }

    /**
     * Up to 100 alarm ARNs for one alarm-status widget; {@code number} counts from 1.
     *
     * @param alarmsJson the ARNs as ready-made JSON array members ({@code "arn:…","arn:…"}): a fleet lists thousands,
     *                   and one string per widget renders far faster than a loop over them
     */
    public record AlarmGroup(int number, int of, List<String> alarms, String alarmsJson) {
    }

    public boolean paged() {
        return pages > 1;
    }
}
