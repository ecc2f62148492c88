package io.cachewatch.aws.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.testing.MotoClients;
import io.cachewatch.testing.MotoTestBase;
import io.cachewatch.testing.TaggingBridge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.Tag;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;

/**
 * GetResources against a real moto server. moto spells ElastiCache's resource types its own way, so the listing goes
 * through {@link TaggingBridge}, except in the test that shows what moto itself answers.
 */
class TaggingApiIT extends MotoTestBase {
    private static final String REGION = "us-east-1";
    private static final List<String> ELASTICACHE = List.of("elasticache:replicationgroup", "elasticache:cluster");
    private static TaggingBridge bridge;
    private static ElastiCacheClient elastiCache;
    private static MemoryDbClient memoryDb;
    private static ResourceGroupsTaggingApiClient throughBridge;
    private static ResourceGroupsTaggingApiClient motoItself;

    @BeforeAll
    static void start() {
        bridge = TaggingBridge.start(moto.endpoint());
        elastiCache = MotoClients.elastiCache(moto.endpoint());
        memoryDb = MotoClients.memoryDb(moto.endpoint());
        throughBridge = MotoClients.tagging(bridge.endpoint());
        motoItself = MotoClients.tagging(moto.endpoint());
    }

    @AfterAll
    static void stop() {
        elastiCache.close();
        memoryDb.close();
        throughBridge.close();
        motoItself.close();
        bridge.close();
    }

    @BeforeEach
    void resetBridge() {
        bridge.reset();
    }

    private static String replicationGroup(String id, String team) {
        return elastiCache.createReplicationGroup(r -> {
            r.replicationGroupId(id).replicationGroupDescription(id).engine("redis").cacheNodeType("cache.t3.micro").numCacheClusters(1);
            if (team != null) {
                r.tags(Tag.builder().key("team").value(team).build());
            }
        }).replicationGroup().arn();
    }

    @Test
    void listsTheTaggedClustersOfTheTypesInPages() {
        for (int i = 0; i < 150; i++) {
            replicationGroup(String.format("rg-%03d", i), "team-" + i);
        }
        String untagged = replicationGroup("plain", null);
        String catalog = elastiCache.createCacheCluster(r -> r.cacheClusterId("catalog").engine("memcached")
                .cacheNodeType("cache.t3.micro").numCacheNodes(2).tags(Tag.builder().key("team").value("shop").build(),
                        Tag.builder().key("note").build())).cacheCluster().arn();

        RegionTags tags = new TaggingApi(region -> throughBridge).list(REGION, ELASTICACHE);

        assertThat(tags.unavailable()).isNull();
        assertThat(tags.of(elastiCache.describeReplicationGroups(r -> r.replicationGroupId("rg-042")).replicationGroups().get(0).arn()))
                .hasValue(Map.of("team", "team-42"));
        assertThat(tags.of(catalog)).as("a tag without a value reads as the empty string")
                .hasValue(Map.of("team", "shop", "note", ""));
        assertThat(tags.of(untagged)).hasValue(Map.of());
        // 152 resources: moto pages by 100 resources and 100 tags (its TagsPerPage default), so 99 + 53
        assertThat(bridge.calls().count("GetResources")).isEqualTo(2);
    }

    @Test
    void motoItselfListsNothingForAwsTypeStringsSoNoTypeIsCovered() {
        String orders = replicationGroup("orders", "web");

        RegionTags tags = new TaggingApi(region -> motoItself).list(REGION, ELASTICACHE);

        assertThat(tags.unavailable()).isNull();
        assertThat(tags.of(orders)).as("read with the cluster's own call instead").isEmpty();
    }

    @Test
    void motoLeavesOutMemoryDbSoItsClustersAreNotAnsweredFor() {
        String ledger = memoryDb.createCluster(r -> r.clusterName("ledger").nodeType("db.t4g.small").aclName("open-access")
                .tags(software.amazon.awssdk.services.memorydb.model.Tag.builder().key("team").value("pay").build())).cluster().arn();

        RegionTags tags = new TaggingApi(region -> throughBridge).list(REGION, List.of("memorydb:cluster"));

        assertThat(tags.of(ledger)).isEmpty();
    }

    @Test
    void aDeniedListingAnswersForNothing() {
        String orders = replicationGroup("orders", "web");
        bridge.deny();

        RegionTags tags = new TaggingApi(region -> throughBridge).list(REGION, ELASTICACHE);

        assertThat(tags.unavailable()).startsWith("AccessDeniedException");
        assertThat(tags.of(orders)).isEmpty();
    }

    @Test
    void aListingCutShortAnswersForNothingNotEvenForWhatItRead() {
        for (int i = 0; i < 120; i++) {
            replicationGroup(String.format("rg-%03d", i), "team-" + i);
        }
        String first = elastiCache.describeReplicationGroups(r -> r.replicationGroupId("rg-000")).replicationGroups().get(0).arn();
        bridge.failAfter(1);

        RegionTags tags = new TaggingApi(region -> throughBridge).list(REGION, ELASTICACHE);

        assertThat(tags.unavailable()).startsWith("InternalServiceException");
        assertThat(tags.of(first)).isEmpty();
    }
}
