package io.cachewatch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.posture.Posture;
import io.cachewatch.posture.Reservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Parameter groups are read once per run whatever the number of clusters on them; reservations reach every cluster. */
class FleetSettingReadsTest {
    static Cluster on(String id, String group, String createdAt) {
        Posture.Builder p = Posture.builder().createdAt(createdAt == null ? null : Instant.parse(createdAt));
        p = group == null ? p.unknown("parameterGroup", "member clusters x were not listed by DescribeCacheClusters") : p.parameterGroup(group);
        return Fixtures.redisReplicationGroup(id, 1, Map.of()).withPosture(p.build());
    }

    static RegionInventory region() {
        return new RegionInventory("us-east-1", List.of(on("a", "default.redis7", "2025-01-01T00:00:00Z"), on("b", "default.redis7",
                "2026-01-01T00:00:00Z"), on("c", "custom", "2026-06-01T00:00:00Z"), on("d", null, null)), List.of());
    }

    static Posture posture(RegionInventory r, String id) {
        return r.clusters().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().posture();
    }

    @Test
    void eachParameterGroupIsReadOnce() {
        List<String> reads = new ArrayList<>();
        RegionInventory after = FleetSettingReads.maxmemoryPolicies(region(), c -> true, "ElastiCache.DescribeCacheParameters", group -> {
            reads.add(group);
            return group.equals("custom") ? "allkeys-lru" : "volatile-lru";
        });
        assertThat(reads).containsExactly("custom", "default.redis7");
        assertThat(posture(after, "a").maxmemoryPolicy()).isEqualTo("volatile-lru");
        assertThat(posture(after, "b").maxmemoryPolicy()).isEqualTo("volatile-lru");
        assertThat(posture(after, "c").maxmemoryPolicy()).isEqualTo("allkeys-lru");
        assertThat(posture(after, "d").maxmemoryPolicy()).isNull();
        assertThat(posture(after, "d").whyUnknown("maxmemoryPolicy")).isEqualTo("member clusters x were not listed by DescribeCacheClusters");
        assertThat(after.errors()).isEmpty();
    }

    @Test
    void aDeniedReadIsUnknownAndAnyOtherFailureIsAlsoAnError() {
        AwsServiceException denied = (AwsServiceException) AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("not authorized").build()).build();
        RegionInventory after = FleetSettingReads.maxmemoryPolicies(region(), c -> true, "ElastiCache.DescribeCacheParameters", group -> {
            if (group.equals("custom")) {
                throw denied;
            }
            throw (AwsServiceException) AwsServiceException.builder().statusCode(500).build();
        });
        assertThat(posture(after, "c").whyUnknown("maxmemoryPolicy")).isEqualTo("ElastiCache.DescribeCacheParameters failed: AccessDenied: not authorized");
        assertThat(posture(after, "a").whyUnknown("maxmemoryPolicy")).startsWith("ElastiCache.DescribeCacheParameters failed");
        assertThat(after.errors()).singleElement().satisfies(e -> assertThat(e.operation()).isEqualTo("ElastiCache.DescribeCacheParameters"));
    }

    @Test
    void aGroupWithoutTheParameterLeavesThePolicyUnknown() {
        RegionInventory after = FleetSettingReads.maxmemoryPolicies(region(), c -> true, "MemoryDb.DescribeParameters", group -> null);
        assertThat(posture(after, "a").whyUnknown("maxmemoryPolicy"))
                .isEqualTo("MemoryDb.DescribeParameters returned no value of maxmemory-policy for parameter group default.redis7");
    }

    @Test
    void reservationsAreAllocatedOverTheRegionsClusters() {
        // every fixture group has 2 nodes of cache.r6g.large: 8 in the pool, 3 reserved, oldest first
        RegionInventory after = FleetSettingReads.reservations(region(), c -> true, List.of(new Reservation("ri", "cache.r6g.large", 3,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"))));
        assertThat(posture(after, "a").reservedCoverage().coveredNodes()).isEqualTo(2);
        assertThat(posture(after, "b").reservedCoverage().coveredNodes()).isEqualTo(1);
        assertThat(posture(after, "c").reservedCoverage().coveredNodes()).isZero();
        assertThat(posture(after, "d").reservedCoverage().coveredNodes()).isZero(); // unknown age: last
        assertThat(posture(after, "d").reservedCoverage().poolNodes()).isEqualTo(8);
    }

    @Test
    void aReservationEndsOneDurationAfterItsStart() {
        assertThat(FleetSettingReads.end(Instant.parse("2025-01-01T00:00:00Z"), 31_536_000)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(FleetSettingReads.end(null, 1)).isNull();
    }
}
