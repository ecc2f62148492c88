package io.cachewatch;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Endpoint;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.ServerlessLimits;
import io.cachewatch.inventory.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Inventory shapes for unit tests, one per topology cachewatch supports. */
public final class Fixtures {
    public static final String REGION = "us-east-1";
    private static final long GIB = 1L << 30;

    private Fixtures() {
    }

    /** Redis OSS replication group, cluster mode disabled: one shard, primary {@code <rg>-001} and replicas. */
    public static Cluster redisReplicationGroup(String id, int replicas, Map<String, String> tags) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= replicas + 1; i++) {
            String member = String.format("%s-%03d", id, i);
            nodes.add(new Node(member, "0001", i == 1 ? NodeRole.PRIMARY : NodeRole.REPLICA, new Endpoint(member + ".cache.amazonaws.com", 6379), "us-east-1a"));
        }
        return new Cluster(ClusterKind.ELASTICACHE, REGION, id, "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:" + id,
                Engine.REDIS, "7.1.0", "cache.r6g.large", 2, (long) (13.07 * GIB), true, "available", false, tags,
                List.of(new Shard("0001", nodes)), null, null);
    }

    /** Valkey replication group, cluster mode enabled: member clusters {@code <rg>-0001-001}. */
    public static Cluster valkeyClusterMode(String id, int shards, int replicas) {
        List<Shard> list = new ArrayList<>();
        for (int s = 1; s <= shards; s++) {
            List<Node> nodes = new ArrayList<>();
            for (int n = 1; n <= replicas + 1; n++) {
                nodes.add(new Node(String.format("%s-%04d-%03d", id, s, n), "0001", NodeRole.UNKNOWN, null, null));
            }
            list.add(new Shard(String.format("%04d", s), nodes));
        }
        return new Cluster(ClusterKind.ELASTICACHE, REGION, id, "arn:" + id, Engine.VALKEY, "8.0", "cache.r7g.xlarge", 4,
                26L * GIB, true, "available", true, Map.of(), list, null, null);
    }

    /** Standalone Memcached cluster with {@code nodes} nodes 0001..: independent partitions, no replicas. */
    public static Cluster memcached(String id, int nodes) {
        List<Node> list = new ArrayList<>();
        for (int n = 1; n <= nodes; n++) {
            list.add(new Node(id, String.format("%04d", n), NodeRole.UNKNOWN, null, null));
        }
        return new Cluster(ClusterKind.ELASTICACHE, REGION, id, "arn:" + id, Engine.MEMCACHED, "1.6.22", "cache.m6g.large", 2,
                (long) (6.38 * GIB), false, "available", false, Map.of(), List.of(new Shard("0001", list)), null, null, true);
    }

    /** Standalone Redis OSS cache cluster: one node, no replicas. */
    public static Cluster redisSingleNode(String id, String nodeType, Integer vcpus) {
        return new Cluster(ClusterKind.ELASTICACHE, REGION, id, "arn:" + id, Engine.REDIS, "7.1.0", nodeType, vcpus, null,
                false, "available", false, Map.of(), List.of(new Shard("0001", List.of(new Node(id, "0001", NodeRole.PRIMARY, null, null)))), null, null,
                true);
    }

    /** MemoryDB cluster: node names {@code <cluster>-<shard>-<node>}. */
    public static Cluster memoryDb(String id, int shards, int replicas) {
        List<Shard> list = new ArrayList<>();
        for (int s = 1; s <= shards; s++) {
            List<Node> nodes = new ArrayList<>();
            for (int n = 1; n <= replicas + 1; n++) {
                nodes.add(new Node(id, String.format("%s-%04d-%03d", id, s, n), NodeRole.UNKNOWN, null, null));
            }
            list.add(new Shard(String.format("%04d", s), nodes));
        }
        return new Cluster(ClusterKind.MEMORYDB, REGION, id, "arn:" + id, Engine.REDIS, "7.1", "db.r6g.large", 2, 13L * GIB,
                true, "available", true, Map.of(), list, null, null);
    }

    public static Cluster serverless(String id, Long ecpuMax, Long storageMaxBytes) {
        return new Cluster(ClusterKind.SERVERLESS, REGION, id, "arn:" + id, Engine.VALKEY, "8", null, null, null, true,
                "available", false, Map.of(), List.of(), new ServerlessLimits(ecpuMax, storageMaxBytes), null);
    }

    public static Cluster withTags(Cluster c, Map<String, String> tags) {
        return new Cluster(c.kind(), c.region(), c.id(), c.arn(), c.engine(), c.engineVersion(), c.nodeType(), c.vcpus(),
                c.memoryBytes(), c.tls(), c.status(), c.clusterMode(), tags, c.shards(), c.limits(), c.endpoint(), c.standalone(),
                c.posture());
    }
}
