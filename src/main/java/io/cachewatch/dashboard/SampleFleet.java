package io.cachewatch.dashboard;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.inventory.ServerlessLimits;
import io.cachewatch.inventory.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A made-up region with one cluster of every topology cachewatch supports, for {@code validate} to render every
 * template against without calling AWS: a template that only breaks on, say, a cluster-mode group or a serverless
 * cache is found before a real one meets it.
 */
public final class SampleFleet {
    public static final String REGION = "us-east-1";
    private static final String ARN = "arn:aws:elasticache:us-east-1:123456789012:";
    private static final long GIB = 1L << 30;

    private SampleFleet() {
    }

    /** The sample region; every cluster carries {@code tags}. */
    public static RegionInventory region(Map<String, String> tags) {
        return new RegionInventory(REGION, List.of(
                cluster(ClusterKind.ELASTICACHE, "sample-redis", ARN + "replicationgroup:sample-redis", Engine.REDIS, false, tags,
                        List.of(shard("0001", List.of(node("sample-redis-001", "0001", NodeRole.PRIMARY),
                                node("sample-redis-002", "0001", NodeRole.REPLICA))))),
                cluster(ClusterKind.ELASTICACHE, "sample-valkey", ARN + "replicationgroup:sample-valkey", Engine.VALKEY, true, tags,
                        List.of(shard("0001", List.of(node("sample-valkey-0001-001", "0001", NodeRole.PRIMARY),
                                        node("sample-valkey-0001-002", "0001", NodeRole.REPLICA))),
                                shard("0002", List.of(node("sample-valkey-0002-001", "0001", NodeRole.PRIMARY),
                                        node("sample-valkey-0002-002", "0001", NodeRole.REPLICA))))),
                cluster(ClusterKind.ELASTICACHE, "sample-single", ARN + "cluster:sample-single", Engine.REDIS, false, tags,
                        List.of(shard("0001", List.of(node("sample-single", "0001", NodeRole.PRIMARY))))),
                cluster(ClusterKind.ELASTICACHE, "sample-memcached", ARN + "cluster:sample-memcached", Engine.MEMCACHED, false, tags,
                        List.of(shard("0001", List.of(node("sample-memcached", "0001", NodeRole.UNKNOWN),
                                node("sample-memcached", "0002", NodeRole.UNKNOWN))))),
                cluster(ClusterKind.MEMORYDB, "sample-memorydb", "arn:aws:memorydb:us-east-1:123456789012:cluster/sample-memorydb",
                        Engine.REDIS, true, tags, List.of(
                                shard("0001", List.of(node("sample-memorydb", "sample-memorydb-0001-001", NodeRole.PRIMARY),
                                        node("sample-memorydb", "sample-memorydb-0001-002", NodeRole.REPLICA))))),
                new Cluster(ClusterKind.SERVERLESS, REGION, "sample-serverless", ARN + "serverlesscache:sample-serverless", Engine.VALKEY,
                        "8.0", null, null, null, true, "available", false, tags, List.of(), new ServerlessLimits(5_000L, 10 * GIB), null)),
                List.of());
    }

    private static Cluster cluster(ClusterKind kind, String id, String arn, Engine engine, boolean clusterMode, Map<String, String> tags,
                                   List<Shard> shards) {
        return new Cluster(kind, REGION, id, arn, engine, engine == Engine.MEMCACHED ? "1.6.22" : "7.1",
                kind == ClusterKind.MEMORYDB ? "db.r6g.large" : "cache.r6g.large", 2, 13L * GIB, true, "available", clusterMode, tags,
                new ArrayList<>(shards), null, null, kind == ClusterKind.ELASTICACHE && arn.contains(":cluster:"));
    }

    private static Shard shard(String id, List<Node> nodes) {
        return new Shard(id, nodes);
    }

    private static Node node(String cacheClusterId, String id, NodeRole role) {
        return new Node(cacheClusterId, id, role, null, null);
    }
}
