package io.cachewatch.aws.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.aws.ApiCallRecorder;
import io.cachewatch.aws.elasticache.ElastiCacheDiscovery;
import io.cachewatch.aws.memorydb.MemoryDbDiscovery;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.NodeTypes;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.testing.MotoTestBase;
import io.cachewatch.testing.TaggingBridge;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.Tag;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;

/**
 * Discovery reading tags from one GetResources listing per region and service, against moto (through
 * {@link TaggingBridge} for AWS's ElastiCache type strings): the same tags as one call per cluster, with the calls
 * counted as the jar counts them.
 */
class DiscoveryTagsIT extends MotoTestBase {
    private static final String REGION = "us-east-1";
    private static final ApiCallRecorder CALLS = new ApiCallRecorder();
    private static TaggingBridge bridge;
    private static ElastiCacheClient elastiCache;
    private static MemoryDbClient memoryDb;
    private static ResourceGroupsTaggingApiClient tagging;

    @BeforeAll
    static void start() {
        bridge = TaggingBridge.start(moto.endpoint());
        elastiCache = counted(ElastiCacheClient.builder(), moto.endpoint()).build();
        memoryDb = counted(MemoryDbClient.builder(), moto.endpoint()).build();
        tagging = counted(ResourceGroupsTaggingApiClient.builder(), bridge.endpoint()).build();
    }

    @AfterAll
    static void stop() {
        elastiCache.close();
        memoryDb.close();
        tagging.close();
        bridge.close();
    }

    @BeforeEach
    void resetBridge() {
        bridge.reset();
    }

    private static <B extends AwsClientBuilder<B, ?>> B counted(B builder, java.net.URI endpoint) {
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(CALLS));
    }

    private static long calls(String operation) {
        return CALLS.snapshot().getOrDefault(operation, 0L);
    }

    private static RegionInventory discoverElastiCache() {
        return new ElastiCacheDiscovery(region -> elastiCache, NodeTypes.standard(), EnumSet.of(ClusterKind.ELASTICACHE), 100)
                .withTagging(new TaggingApi(region -> tagging)).discover(REGION);
    }

    private static Map<String, Map<String, String>> tagsById(RegionInventory inventory) {
        return inventory.clusters().stream().collect(Collectors.toMap(Cluster::id, Cluster::tags));
    }

    private static void seedElastiCache() {
        elastiCache.createReplicationGroup(r -> r.replicationGroupId("orders").replicationGroupDescription("orders")
                .engine("redis").cacheNodeType("cache.t3.micro").numCacheClusters(2)
                .tags(Tag.builder().key("Environment").value("production").build()));
        elastiCache.createReplicationGroup(r -> r.replicationGroupId("plain").replicationGroupDescription("plain")
                .engine("redis").cacheNodeType("cache.t3.micro").numCacheClusters(1));
        elastiCache.createCacheCluster(r -> r.cacheClusterId("catalog").engine("memcached").cacheNodeType("cache.t3.micro")
                .numCacheNodes(2).tags(Tag.builder().key("cachewatch:ignore").value("true").build()));
    }

    @Test
    void elastiCacheTagsComeFromOneListingWithTheSameTagsAsOneCallPerCluster() {
        seedElastiCache();
        Map<String, Map<String, String>> perCluster = tagsById(
                new ElastiCacheDiscovery(region -> elastiCache, NodeTypes.standard(), EnumSet.of(ClusterKind.ELASTICACHE), 100).discover(REGION));
        long before = calls("ElastiCache.ListTagsForResource");

        RegionInventory inventory = discoverElastiCache();

        assertThat(inventory.errors()).isEmpty();
        assertThat(tagsById(inventory)).isEqualTo(perCluster).containsEntry("orders", Map.of("Environment", "production"))
                .containsEntry("plain", Map.of()).containsEntry("catalog", Map.of("cachewatch:ignore", "true"));
        assertThat(calls("ElastiCache.ListTagsForResource") - before).as("no tag call of its own").isZero();
        assertThat(bridge.calls().count("GetResources")).isEqualTo(1);
    }

    @Test
    void whenGetResourcesIsDeniedEveryClusterIsReadWithItsOwnCallAndNothingIsAnError() {
        seedElastiCache();
        bridge.deny();
        long before = calls("ElastiCache.ListTagsForResource");

        RegionInventory inventory = discoverElastiCache();

        assertThat(inventory.errors()).isEmpty();
        assertThat(tagsById(inventory)).containsEntry("orders", Map.of("Environment", "production"))
                .containsEntry("catalog", Map.of("cachewatch:ignore", "true"));
        assertThat(calls("ElastiCache.ListTagsForResource") - before).isEqualTo(3);
    }

    @Test
    void memoryDbClustersMotoDoesNotListAreReadWithTheirOwnCall() {
        memoryDb.createCluster(r -> r.clusterName("ledger").nodeType("db.t4g.small").aclName("open-access")
                .tags(software.amazon.awssdk.services.memorydb.model.Tag.builder().key("Environment").value("production").build()));
        long before = calls("MemoryDb.ListTags");

        RegionInventory inventory = new MemoryDbDiscovery(region -> memoryDb, NodeTypes.standard())
                .withTagging(new TaggingApi(region -> tagging)).discover(REGION);

        assertThat(inventory.errors()).isEmpty();
        assertThat(tagsById(inventory)).containsExactly(Map.entry("ledger", Map.of("Environment", "production")));
        assertThat(bridge.calls().count("GetResources")).isEqualTo(1);
        assertThat(calls("MemoryDb.ListTags") - before).isEqualTo(1);
    }

    @Test
    void aRegionWithoutClustersListsNoTags() {
        RegionInventory inventory = discoverElastiCache();

        assertThat(inventory.clusters()).isEmpty();
        assertThat(bridge.calls().count("GetResources")).isZero();
    }
}
