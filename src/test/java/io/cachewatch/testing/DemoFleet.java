package io.cachewatch.testing;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.ClusterMode;
import software.amazon.awssdk.services.elasticache.model.Tag;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;

/**
 * Creates a small mixed fleet in moto through the real APIs: a replicated Redis OSS replication group, a Valkey
 * cluster-mode replication group, a Memcached cluster, a single-node Redis OSS cluster and a MemoryDB cluster.
 */
public final class DemoFleet implements AutoCloseable {
    private final ElastiCacheClient elastiCache;
    private final MemoryDbClient memoryDb;

    public DemoFleet(URI moto) {
        this(moto, StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    /** A fleet in the account these credentials belong to (moto: the account of an assumed role). */
    public DemoFleet(URI moto, software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
        this.elastiCache = ElastiCacheClient.builder().endpointOverride(moto).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(ApacheHttpClient.create()).build();
        this.memoryDb = MemoryDbClient.builder().endpointOverride(moto).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(ApacheHttpClient.create()).build();
    }

    public ElastiCacheClient elastiCache() {
        return elastiCache;
    }

    public MemoryDbClient memoryDb() {
        return memoryDb;
    }

    /** The standard demo fleet; returns the cluster ids. */
    public List<String> seedStandard() {
        redisWithReplicas("orders", 2, "cache.r6g.large", "production");
        valkeyClusterMode("feed", 2, 1, "cache.r7g.xlarge");
        memcached("sessions-mc", 3, "cache.m6g.large");
        redisSingleNode("solo", "cache.t3.micro");
        memoryDbCluster("ledger", 2, 1, "db.r6g.large");
        return List.of("orders", "feed", "sessions-mc", "solo", "ledger");
    }

    /**
     * A fleet of 200 clusters and 1,000 nodes for benchmarks: 100 Redis OSS groups of 3 nodes, 50 cluster-mode Valkey
     * groups of 4 shards × 2, 25 Memcached clusters of 6 nodes, 25 MemoryDB clusters of 2 shards × 3.
     */
    public int seedScale() {
        for (int i = 0; i < 100; i++) {
            redisWithReplicas(String.format("rg-%03d", i), 2, "cache.r6g.large", i % 2 == 0 ? "production" : "development");
        }
        for (int i = 0; i < 50; i++) {
            valkeyClusterMode(String.format("cm-%03d", i), 4, 1, "cache.r7g.xlarge");
        }
        for (int i = 0; i < 25; i++) {
            memcached(String.format("mc-%03d", i), 6, "cache.m6g.large");
        }
        for (int i = 0; i < 25; i++) {
            memoryDbCluster(String.format("mdb-%03d", i), 2, 2, "db.r6g.large");
        }
        return 200;
    }

    public void redisWithReplicas(String id, int replicas, String nodeType, String environment) {
        elastiCache.createReplicationGroup(b -> b.replicationGroupId(id).replicationGroupDescription("demo " + id)
                .engine("redis").cacheNodeType(nodeType).numCacheClusters(replicas + 1).replicasPerNodeGroup(replicas)
                .transitEncryptionEnabled(true).tags(Tag.builder().key("Environment").value(environment).build()));
    }

    public void valkeyClusterMode(String id, int shards, int replicas, String nodeType) {
        elastiCache.createReplicationGroup(b -> b.replicationGroupId(id).replicationGroupDescription("demo " + id)
                .engine("valkey").cacheNodeType(nodeType).clusterMode(ClusterMode.ENABLED).numNodeGroups(shards)
                .replicasPerNodeGroup(replicas).transitEncryptionEnabled(true));
    }

    public void memcached(String id, int nodes, String nodeType) {
        elastiCache.createCacheCluster(b -> b.cacheClusterId(id).engine("memcached").cacheNodeType(nodeType).numCacheNodes(nodes));
    }

    public void redisSingleNode(String id, String nodeType) {
        elastiCache.createCacheCluster(b -> b.cacheClusterId(id).engine("redis").cacheNodeType(nodeType).numCacheNodes(1));
    }

    public void memoryDbCluster(String name, int shards, int replicas, String nodeType) {
        memoryDb.createCluster(b -> b.clusterName(name).nodeType(nodeType).aclName("open-access").numShards(shards)
                .numReplicasPerShard(replicas).tlsEnabled(true));
    }

    /** Tags an ElastiCache resource by ARN (replication group or cache cluster). */
    public void tag(String arn, String key, String value) {
        elastiCache.addTagsToResource(b -> b.resourceName(arn).tags(Tag.builder().key(key).value(value).build()));
    }

    @Override
    public void close() {
        elastiCache.close();
        memoryDb.close();
    }
}
