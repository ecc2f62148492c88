package io.cachewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachewatch.testing.CliTestBase;
import io.cachewatch.testing.TaggingBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cluster tags read with one GetResources listing per region and service, end to end: the packaged jar with its
 * tagging calls through {@link TaggingBridge} (AWS's resource-type strings for moto).
 */
class TagsCliIT extends CliTestBase {
    private static TaggingBridge tagging;

    @BeforeAll
    static void startTaggingBridge() {
        tagging = TaggingBridge.start(moto.endpoint());
    }

    @AfterAll
    static void stopTaggingBridge() {
        tagging.close();
    }

    @BeforeEach
    void throughTheTaggingBridge() {
        tagging.reset();
        cachewatch.tagging(tagging);
    }

    @Test
    void elastiCacheTagsComeFromTheListingAndChooseTheSameProfilesAsOneCallPerCluster() {
        JsonNode listed = reconcileJson("--only", "alarms");
        assertThat(listed.get("_exit").asInt()).as(listed.toString()).isZero();
        assertThat(listed.at("/apiCalls/ResourceGroupsTaggingApi.GetResources").asInt()).as("one listing for ElastiCache, one for MemoryDB").isEqualTo(2);
        assertThat(listed.at("/apiCalls").has("ElastiCache.ListTagsForResource")).as(listed.at("/apiCalls").toString()).isFalse();
        assertThat(listed.at("/apiCalls/MemoryDb.ListTags").asInt()).as("moto lists no MemoryDB resource: its cluster has its own call").isEqualTo(1);
        assertThat(cloudWatch.describeAlarms(r -> r.alarmNames("cachewatch-elasticache/orders-002/0001/cpu-high")).metricAlarms().get(0).threshold())
                .as("orders' Environment=production tag, read from the listing, chose the production profile").isEqualTo(70.0);

        tagging.deny();
        JsonNode perCluster = reconcileJson("--check", "--only", "alarms");

        assertThat(perCluster.get("_exit").asInt()).as("the same tags read one call per cluster: no drift " + perCluster).isZero();
        assertThat(perCluster.at("/apiCalls/ElastiCache.ListTagsForResource").asInt()).as("orders, feed, sessions-mc, solo").isEqualTo(4);
        assertThat(perCluster.at("/errors")).as("a denied listing is no discovery error").isEmpty();
    }
}
