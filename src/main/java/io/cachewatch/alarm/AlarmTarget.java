package io.cachewatch.alarm;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.Shard;
import io.cachewatch.slowlog.SlowlogMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing an alarm can watch: a node, or a cluster as a whole, with the CloudWatch dimensions its metrics are
 * published under and the facts a threshold expression may read.
 *
 * @param node  null for cluster-level targets
 * @param shard null for cluster-level targets
 * @param label the id shown for this target in names and plans: node id ({@code cacheClusterId/nodeId} in ElastiCache),
 *              member cluster id or cluster id; made once per target, as every rule's alarm on it names it
 */
public record AlarmTarget(Cluster cluster, Shard shard, Node node, List<Dimension> dimensions, Map<String, Double> facts,
                          String label) {

    /**
     * Node-level target. Dimensions per "CacheMetrics.DimensionsAndSets" (ElastiCache: CacheClusterId is the member
     * cluster, CacheNodeId the node) and MemoryDB's "Metrics for MemoryDB" (ClusterName + NodeName).
     */
    public static AlarmTarget ofNode(Cluster cluster, Shard shard, Node node) {
        return ofNode(cluster, shard, node, clusterFacts(cluster));
    }

    /**
     * Node-level target with its cluster's facts already gathered ({@link #clusterFacts}): a cluster's node targets are
     * made together and share them (counting a cluster's nodes walks all its shards).
     */
    static AlarmTarget ofNode(Cluster cluster, Shard shard, Node node, Map<String, Double> clusterFacts) {
        List<Dimension> dims = switch (cluster.kind()) {
            case ELASTICACHE -> List.of(new Dimension("CacheClusterId", node.cacheClusterId()),
                    new Dimension("CacheNodeId", node.id()));
            case MEMORYDB -> List.of(new Dimension("ClusterName", cluster.id()), new Dimension("NodeName", node.id()));
            case SERVERLESS -> throw new IllegalArgumentException("serverless cache " + cluster.id() + " has no nodes");
        };
        Map<String, Double> facts = new HashMap<>(clusterFacts);
        facts.put("replicas_per_shard", (double) Math.max(0, shard.nodes().size() - 1));
        String label = cluster.kind() == ClusterKind.ELASTICACHE ? node.cacheClusterId() + "/" + node.id() : node.id();
        return new AlarmTarget(cluster, shard, node, dims, Map.copyOf(facts), label);
    }

    /**
     * Cluster-level targets: a serverless cache ({@code clusterId}, lower-case c, per "serverless-metrics-events"),
     * a MemoryDB cluster ({@code ClusterName}), or each ElastiCache cache cluster ({@code CacheClusterId}: CloudWatch
     * publishes nothing per replication group, so a replication group yields one target per member cluster).
     */
    public static List<AlarmTarget> ofCluster(Cluster cluster) {
        Map<String, Double> facts = Map.copyOf(clusterFacts(cluster));
        return switch (cluster.kind()) {
            case SERVERLESS -> List.of(wholeCluster(cluster, List.of(new Dimension("clusterId", cluster.id())), facts));
            case MEMORYDB -> List.of(wholeCluster(cluster, List.of(new Dimension("ClusterName", cluster.id())), facts));
            case ELASTICACHE -> cluster.nodes().stream().map(Node::cacheClusterId).distinct()
                    .map(id -> wholeCluster(cluster, List.of(new Dimension("CacheClusterId", id)), facts))
                    .toList();
        };
    }

    /**
     * The target of a rule on cachewatch's slow-log metrics: the cluster as a whole, dimensions as
     * {@link SlowlogMetrics#dimensions} publishes them (ClusterId is the replication group / cache cluster id, not a
     * member cluster).
     */
    public static AlarmTarget ofSlowlog(Cluster cluster) {
        List<Dimension> dims = SlowlogMetrics.dimensions(cluster.id(), cluster.ref().kind()).entrySet().stream()
                .map(d -> new Dimension(d.getKey(), d.getValue())).toList();
        return wholeCluster(cluster, dims, Map.copyOf(clusterFacts(cluster)));
    }

    /** A target without a node, labelled by its first dimension's value (member cluster id or cluster id). */
    private static AlarmTarget wholeCluster(Cluster cluster, List<Dimension> dims, Map<String, Double> facts) {
        return new AlarmTarget(cluster, null, null, dims, facts, dims.get(0).value());
    }

    static Map<String, Double> clusterFacts(Cluster cluster) {
        Map<String, Double> facts = new HashMap<>();
        if (cluster.vcpus() != null) {
            facts.put("vcpus", cluster.vcpus().doubleValue());
        }
        if (cluster.memoryBytes() != null) {
            facts.put("memory_bytes", cluster.memoryBytes().doubleValue());
        }
        if (cluster.limits() != null && cluster.limits().ecpuPerSecondMax() != null) {
            facts.put("ecpu_per_second_max", cluster.limits().ecpuPerSecondMax().doubleValue());
        }
        if (cluster.limits() != null && cluster.limits().dataStorageMaxBytes() != null) {
            facts.put("storage_max_bytes", cluster.limits().dataStorageMaxBytes().doubleValue());
        }
        facts.put("shards", (double) cluster.shards().size());
        facts.put("nodes", (double) cluster.nodes().size());
        return facts;
    }
}
