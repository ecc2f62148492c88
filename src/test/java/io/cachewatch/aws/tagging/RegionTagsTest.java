package io.cachewatch.aws.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionTagsTest {
    private static final String RG = "arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:";
    private static final String CC = "arn:aws:elasticache:eu-west-1:123456789012:cluster:";
    private static final String MDB = "arn:aws:memorydb:eu-west-1:123456789012:cluster/";

    @Test
    void resourceTypesAreTheTypeStringsOfTheArns() {
        assertThat(TaggingTranslation.resourceType(RG + "orders")).hasValue("elasticache:replicationgroup");
        assertThat(TaggingTranslation.resourceType(CC + "orders-001")).hasValue("elasticache:cluster");
        assertThat(TaggingTranslation.resourceType("arn:aws:elasticache:eu-west-1:123456789012:serverlesscache:sessions"))
                .hasValue("elasticache:serverlesscache");
        assertThat(TaggingTranslation.resourceType(MDB + "ledger")).hasValue("memorydb:cluster");
        assertThat(TaggingTranslation.resourceType("arn:aws-cn:memorydb:cn-north-1:123456789012:cluster/ledger")).hasValue("memorydb:cluster");
        assertThat(TaggingTranslation.resourceType("orders")).isEmpty();
        assertThat(TaggingTranslation.resourceType("arn:aws:elasticache:eu-west-1:123456789012:orders")).isEmpty();
        assertThat(TaggingTranslation.resourceType(null)).isEmpty();
    }

    @Test
    void aListedResourceHasItsTagsAndAnUnlistedOneOfACoveredTypeHasNone() {
        RegionTags tags = RegionTags.listed(Map.of(RG + "orders", Map.of("cachewatch:profile", "production"),
                RG + "retagged", Map.of()));

        assertThat(tags.of(RG + "orders")).hasValue(Map.of("cachewatch:profile", "production"));
        assertThat(tags.of(RG + "retagged")).as("previously tagged: listed with an empty tag set").hasValue(Map.of());
        assertThat(tags.of(RG + "never-tagged")).as("GetResources leaves out resources that never had a tag").hasValue(Map.of());
    }

    @Test
    void aTypeTheListingHoldsNothingOfIsNotAnsweredForSoItsTagsAreNotTakenAsNone() {
        RegionTags tags = RegionTags.listed(Map.of(RG + "orders", Map.of("team", "web")));

        assertThat(tags.of(CC + "catalog")).as("no cache cluster listed: uncovered or untagged cannot be told apart").isEmpty();
        assertThat(tags.of(MDB + "ledger")).isEmpty();
        assertThat(RegionTags.listed(Map.of()).of(RG + "orders")).as("an empty listing covers nothing").isEmpty();
        assertThat(tags.of("not-an-arn")).isEmpty();
    }

    @Test
    void anUnavailableListingAnswersForNothing() {
        RegionTags tags = RegionTags.unavailable("AccessDeniedException: not authorized");

        assertThat(tags.of(RG + "orders")).isEmpty();
        assertThat(tags.unavailable()).isEqualTo("AccessDeniedException: not authorized");
    }

    @Test
    void clusterTagsListOnceOnFirstUseAndCallPerClusterOnlyWhereTheListingCannotTell() {
        List<String> listings = new ArrayList<>();
        List<String> oneCalls = new ArrayList<>();
        ClusterTags tags = new ClusterTags("eu-west-1", () -> {
            listings.add("GetResources");
            return RegionTags.listed(Map.of(RG + "orders", Map.of("team", "web")));
        });
        assertThat(listings).as("nothing listed before a cluster needs its tags").isEmpty();

        assertThat(tags.read(RG + "orders", "available", arn -> fail(oneCalls, arn))).containsExactly(Map.entry("team", "web"));
        assertThat(tags.read(RG + "sessions", "available", arn -> fail(oneCalls, arn))).isEmpty();
        assertThat(tags.read(CC + "catalog", "available", arn -> {
            oneCalls.add(arn);
            return Map.of("team", "shop");
        })).containsExactly(Map.entry("team", "shop"));

        assertThat(tags.read(RG + "fresh", "creating", arn -> {
            oneCalls.add(arn);
            return Map.of("cachewatch:profile", "production");
        })).as("created with its tags moments ago: the listing may not have them yet").containsEntry("cachewatch:profile", "production");
        assertThat(tags.read(RG + "orders", "creating", arn -> fail(oneCalls, arn))).as("listed: the listing has its tags")
                .containsExactly(Map.entry("team", "web"));

        assertThat(listings).hasSize(1);
        assertThat(oneCalls).containsExactly(CC + "catalog", RG + "fresh");
    }

    @Test
    void withoutATaggingApiEveryClusterHasItsOwnCall() {
        ClusterTags tags = ClusterTags.perCluster("eu-west-1");

        assertThat(tags.read(RG + "orders", "available", arn -> Map.of("team", "web"))).containsExactly(Map.entry("team", "web"));
    }

    private static Map<String, String> fail(List<String> oneCalls, String arn) {
        oneCalls.add(arn);
        throw new AssertionError("the listing answers for " + arn + ": no call of its own");
    }
}
