package io.cachewatch.audit;

import static io.cachewatch.audit.UsageChecksTest.daily;
import static io.cachewatch.audit.UsageChecksTest.usage;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.posture.Posture;
import io.cachewatch.posture.ReservedCoverage;
import io.cachewatch.profile.AuditPolicy;
import io.cachewatch.usage.ClusterUsage;
import io.cachewatch.usage.Figure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** reserved-coverage and maxmemory-policy over hand-built postures (today is 2026-11-30). */
class FleetSettingChecksTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    static Cluster with(Cluster c, Function<Posture.Builder, Posture.Builder> change) {
        Cluster withTags = Fixtures.withTags(c, c.tags());
        return withTags.withPosture(change.apply(Posture.builder()).build());
    }

    static Outcome run(Function<CheckContext, Outcome> check, Cluster c, ClusterUsage usage, AuditPolicy policy) {
        return check.apply(new CheckContext(c, policy, TODAY, null, null, false, usage, usage == null ? "usage was not read" : null));
    }

    static Outcome run(Function<CheckContext, Outcome> check, Cluster c) {
        return run(check, c, null, AuditPolicy.DEFAULTS);
    }

    static final Cluster GROUP = Fixtures.redisReplicationGroup("orders", 1, Map.of());
    static final ReservedCoverage.Term LATE = new ReservedCoverage.Term("ri-late", 1, "2027-10-01T00:00:00Z");
    static final ReservedCoverage.Term SOON = new ReservedCoverage.Term("ri-soon", 1, "2026-12-20T00:00:00Z");

    static Cluster reserved(String createdAt, int covered, List<ReservedCoverage.Term> terms) {
        return with(GROUP, p -> p.createdAt(createdAt == null ? null : Instant.parse(createdAt))
                .reservedCoverage(new ReservedCoverage("cache.r6g.large", 2, covered, 6, 3, terms)));
    }

    @Nested
    class ReservedCoverageCheck {
        @Test
        void longRunningUncoveredNodesFailWithTheRegionsTotals() {
            Outcome o = run(FleetSettingChecks::reservedCoverage, reserved("2026-01-01T00:00:00Z", 1, List.of(LATE)));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).isEqualTo("1 of 2 nodes uncovered after 333 days (3 of 6 cache.r6g.large nodes in us-east-1 reserved)");
            assertThat(o.evidence()).containsEntry("uncoveredNodes", 1).containsEntry("coveredNodes", 1).containsEntry("regionNodes", 6)
                    .containsEntry("regionReserved", 3).containsEntry("ageDays", 333.0).containsEntry("expiring", List.of())
                    .containsEntry("thresholds", Map.of("reserved-min-age-days", 30.0, "reservation-expiry-days", 30.0));
        }

        @Test
        void aYoungClusterMayRunUncovered() {
            Outcome o = run(FleetSettingChecks::reservedCoverage, reserved("2026-11-10T00:00:00Z", 0, List.of()));
            assertThat(o.status()).isEqualTo(Status.PASS);
            assertThat(o.reason()).isEqualTo("2 of 2 nodes uncovered, but the cluster is 20 days old (under 30)");
        }

        @Test
        void theMinimumAgeIsAProfileThreshold() {
            AuditPolicy policy = new AuditPolicy(List.of(), Map.of(), null, null, Map.of("reserved-min-age-days", 10.0));
            assertThat(run(FleetSettingChecks::reservedCoverage, reserved("2026-11-10T00:00:00Z", 0, List.of()), null, policy).status())
                    .isEqualTo(Status.FAIL);
        }

        @Test
        void fullyCoveredPasses() {
            Outcome o = run(FleetSettingChecks::reservedCoverage, reserved("2026-01-01T00:00:00Z", 2, List.of(new ReservedCoverage.Term("ri-late", 2,
                    "2027-10-01T00:00:00Z"))));
            assertThat(o.status()).isEqualTo(Status.PASS);
            assertThat(o.reason()).isEqualTo("all 2 nodes covered (3 of 6 cache.r6g.large nodes in us-east-1 reserved)");
        }

        @Test
        void aReservationEndingWithinThirtyDaysFailsEvenWhenCovered() {
            Outcome o = run(FleetSettingChecks::reservedCoverage, reserved("2026-01-01T00:00:00Z", 2, List.of(SOON, LATE)));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).isEqualTo("all 2 nodes covered; reservations ending within 30 days: ri-soon (1 nodes, 2026-12-20)");
            assertThat(o.evidence()).containsEntry("expiring", List.of("ri-soon"));
            AuditPolicy shorter = new AuditPolicy(List.of(), Map.of(), null, null, Map.of("reservation-expiry-days", 15.0));
            assertThat(run(FleetSettingChecks::reservedCoverage, reserved("2026-01-01T00:00:00Z", 2, List.of(SOON, LATE)), null, shorter).status())
                    .isEqualTo(Status.PASS);
        }

        @Test
        void uncoveredNodesOfAClusterOfUnknownAgeAreUnknown() {
            Cluster c = with(GROUP, p -> p.unknown("createdAt", "DescribeReplicationGroups returned no ReplicationGroupCreateTime")
                    .reservedCoverage(new ReservedCoverage("cache.r6g.large", 2, 0, 2, 0, List.of())));
            Outcome o = run(FleetSettingChecks::reservedCoverage, c);
            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            assertThat(o.reason()).isEqualTo("2 of 2 nodes uncovered, but the cluster's age is unknown: DescribeReplicationGroups returned no"
                    + " ReplicationGroupCreateTime");
            Cluster covered = with(GROUP, p -> p.reservedCoverage(new ReservedCoverage("cache.r6g.large", 2, 2, 2, 2, List.of(LATE))));
            assertThat(run(FleetSettingChecks::reservedCoverage, covered).status()).isEqualTo(Status.PASS);
        }

        @Test
        void reservationsNotReadAreUnknownWithTheApiError() {
            Cluster c = with(GROUP, p -> p.unknown("reservedCoverage", "ElastiCache.DescribeReservedCacheNodes failed: AccessDenied"));
            Outcome o = run(FleetSettingChecks::reservedCoverage, c);
            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            assertThat(o.reason()).isEqualTo("ElastiCache.DescribeReservedCacheNodes failed: AccessDenied");
        }

        @Test
        void serverlessHasNoReservations() {
            Outcome o = run(FleetSettingChecks::reservedCoverage, Fixtures.serverless("s", null, null));
            assertThat(o.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(o.reason()).contains("no reservations");
        }
    }

    @Nested
    class MaxmemoryPolicy {
        static Cluster policy(Cluster c, String value) {
            return with(c, p -> p.parameterGroup("default.redis7").maxmemoryPolicy(value));
        }

        static ClusterUsage ttl(Cluster c, double withTtl) {
            return usage(c, n -> Map.of(Figure.ITEMS, daily(1000), Figure.VOLATILE_ITEMS, daily(withTtl)));
        }

        @Test
        void noevictionOnACacheFails() {
            Outcome o = run(FleetSettingChecks::maxmemoryPolicy, policy(GROUP, "noeviction"));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).isEqualTo("noeviction on a cache (parameter group default.redis7): writes fail with OOM once memory is full");
            assertThat(o.evidence()).containsEntry("parameterGroup", "default.redis7").containsEntry("maxmemoryPolicy", "noeviction");
        }

        @Test
        void noevictionOnMemoryDbPasses() {
            Outcome o = run(FleetSettingChecks::maxmemoryPolicy, policy(Fixtures.memoryDb("m", 1, 1), "noeviction"));
            assertThat(o.status()).isEqualTo(Status.PASS);
        }

        @Test
        void allkeysPoliciesPassWithoutUsage() {
            for (String p : List.of("allkeys-lru", "allkeys-lfu", "allkeys-random")) {
                assertThat(run(FleetSettingChecks::maxmemoryPolicy, policy(GROUP, p)).status()).as(p).isEqualTo(Status.PASS);
            }
        }

        @Test
        void aVolatilePolicyWithLowTtlCoverageFails() {
            Cluster c = policy(GROUP, "volatile-lru");
            Outcome o = run(FleetSettingChecks::maxmemoryPolicy, c, ttl(c, 100), AuditPolicy.DEFAULTS);
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).isEqualTo("volatile-lru evicts only keys with a TTL, and only 10 % of keys have a TTL (100 of 1000 on average):"
                    + " memory fills with keys it may not evict, then writes fail with OOM");
            assertThat(o.evidence()).containsEntry("coveragePercent", 10.0).containsEntry("thresholds", Map.of("ttl-coverage-min", 50.0))
                    .containsEntry("lookbackDays", 14.0);
        }

        @Test
        void aVolatilePolicyWithEnoughTtlCoveragePasses() {
            Cluster c = policy(GROUP, "volatile-ttl");
            assertThat(run(FleetSettingChecks::maxmemoryPolicy, c, ttl(c, 600), AuditPolicy.DEFAULTS).status()).isEqualTo(Status.PASS);
            AuditPolicy stricter = new AuditPolicy(List.of(), Map.of(), null, null, Map.of("ttl-coverage-min", 70.0));
            assertThat(run(FleetSettingChecks::maxmemoryPolicy, c, ttl(c, 600), stricter).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void aVolatilePolicyWithoutUsageIsUnknown() {
            Outcome o = run(FleetSettingChecks::maxmemoryPolicy, policy(GROUP, "volatile-lfu"));
            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            assertThat(o.reason()).isEqualTo("volatile-lfu evicts only keys with a TTL, and their share is unknown: usage was not read");
        }

        @Test
        void aPolicyNotReadIsUnknownWithTheReason() {
            Cluster c = with(GROUP, p -> p.parameterGroup("custom").unknown("maxmemoryPolicy",
                    "ElastiCache.DescribeCacheParameters failed: not implemented"));
            Outcome o = run(FleetSettingChecks::maxmemoryPolicy, c);
            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            assertThat(o.reason()).isEqualTo("ElastiCache.DescribeCacheParameters failed: not implemented");
        }

        @Test
        void memcachedAndServerlessAreNotApplicable() {
            assertThat(run(FleetSettingChecks::maxmemoryPolicy, Fixtures.memcached("mc", 2)).reason()).contains("Memcached has no maxmemory-policy");
            assertThat(run(FleetSettingChecks::maxmemoryPolicy, Fixtures.serverless("s", null, null)).reason()).contains("no parameter group");
        }
    }
}
