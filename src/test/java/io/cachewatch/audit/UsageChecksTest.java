package io.cachewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.Shard;
import io.cachewatch.posture.MemberPosture;
import io.cachewatch.posture.Posture;
import io.cachewatch.profile.AuditPolicy;
import io.cachewatch.usage.ClusterUsage;
import io.cachewatch.usage.ClusterUsage.NodeUsage;
import io.cachewatch.usage.Figure;
import io.cachewatch.usage.Series;
import io.cachewatch.usage.UsageMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The usage checks' math over hand-built figures: thresholds, gaps, zero means, single shards, too-young clusters. */
class UsageChecksTest {
    /** The end of the lookback: a Monday 00:00 UTC, so hour-of-week 0 is the first hour after it wraps. */
    static final Instant TO = Instant.parse("2026-11-30T00:00:00Z");
    static final Instant FROM = TO.minus(Duration.ofDays(14));
    static final double GIB = 1L << 30;

    /** Daily points over the last {@code days} days of the lookback; NaN leaves a gap. */
    static Series daily(int days, IntToDoubleFunction value) {
        List<Series.Point> points = new ArrayList<>();
        for (int d = 14 - days; d < 14; d++) {
            double v = value.applyAsDouble(d);
            if (!Double.isNaN(v)) {
                points.add(new Series.Point(FROM.plus(Duration.ofDays(d)), v));
            }
        }
        return new Series(points);
    }

    static Series daily(double value) {
        return daily(14, d -> value);
    }

    /** Hourly points over the whole lookback; the function gets the hour index from FROM. */
    static Series hourly(IntToDoubleFunction value) {
        List<Series.Point> points = new ArrayList<>();
        for (int h = 0; h < 14 * 24; h++) {
            double v = value.applyAsDouble(h);
            if (!Double.isNaN(v)) {
                points.add(new Series.Point(FROM.plus(Duration.ofHours(h)), v));
            }
        }
        return new Series(points);
    }

    /** Every node of the cluster with the figures its kind publishes, each from {@code figures} or a quiet default. */
    static ClusterUsage usage(Cluster c, Function<String, Map<Figure, Series>> perNode) {
        List<NodeUsage> nodes = new ArrayList<>();
        if (c.kind() == ClusterKind.SERVERLESS) {
            nodes.add(node(c, c.id(), null, NodeRole.UNKNOWN, perNode.apply(c.id())));
        } else {
            for (Shard s : c.shards()) {
                for (Node n : s.nodes()) {
                    String label = c.kind() == ClusterKind.ELASTICACHE ? n.cacheClusterId() + "/" + n.id() : n.id();
                    nodes.add(node(c, label, s.id(), n.role(), perNode.apply(label)));
                }
            }
        }
        return new ClusterUsage(FROM, TO, nodes);
    }

    private static NodeUsage node(Cluster c, String label, String shard, NodeRole role, Map<Figure, Series> given) {
        Map<Figure, Series> figures = new EnumMap<>(Figure.class);
        for (Figure f : UsageMetrics.of(c).keySet()) {
            figures.put(f, given.getOrDefault(f, f == Figure.CPU_HOURLY ? hourly(h -> 10) : daily(busyDefault(f))));
        }
        return new NodeUsage(label, shard, role, figures);
    }

    /** A busy, healthy node: traffic, connections, most keys with a TTL, memory half full, no evictions. */
    private static double busyDefault(Figure f) {
        return switch (f) {
            case COMMANDS -> 1_000_000;
            case CONNECTIONS_MAX, CONNECTIONS_AVERAGE -> 50;
            case NEW_CONNECTIONS -> 100;
            case EVICTIONS -> 0;
            case ITEMS -> 1000;
            case VOLATILE_ITEMS -> 900;
            case MEMORY_PERCENT -> 50;
            case MEMORY_BYTES -> 3 * GIB;
            case CPU_DAILY -> 10;
            case NETWORK_IN -> 1e9;
            case IS_PRIMARY -> 0;
            case CPU_HOURLY -> 10;
        };
    }

    static Outcome run(Function<CheckContext, Outcome> check, Cluster c, ClusterUsage usage) {
        return run(check, c, usage, AuditPolicy.DEFAULTS);
    }

    static Outcome run(Function<CheckContext, Outcome> check, Cluster c, ClusterUsage usage, AuditPolicy policy) {
        return check.apply(new CheckContext(c, policy, LocalDate.of(2026, 11, 30), null, null, false, usage,
                usage == null ? "CloudWatch.GetMetricData failed: Rate exceeded" : null));
    }

    static AuditPolicy thresholds(Map<String, Double> thresholds) {
        return new AuditPolicy(List.of(), Map.of(), null, null, thresholds);
    }

    static final Cluster GROUP = Fixtures.redisReplicationGroup("orders", 1, Map.of());

    @Nested
    class History {
        @Test
        void lessThanSevenDaysOfDatapointsIsUnknownWithThatReason() {
            Map<Figure, Series> sixDays = new EnumMap<>(Figure.class);
            UsageMetrics.of(GROUP).keySet().forEach(f -> sixDays.put(f, daily(6, d -> f == Figure.CONNECTIONS_MAX ? 1 : 0)));
            sixDays.put(Figure.CPU_HOURLY, Series.EMPTY);
            ClusterUsage young = usage(GROUP, n -> sixDays);
            for (AuditCheck check : List.of(UsageChecks.IDLE_CLUSTER, UsageChecks.OVERSIZED_NODE, UsageChecks.EVICTION_PRESSURE,
                    UsageChecks.TTL_COVERAGE, UsageChecks.CONNECTION_CHURN)) {
                Outcome o = run(check.evaluate(), GROUP, young);
                assertThat(o.status()).as(check.id()).isEqualTo(Status.UNKNOWN);
                assertThat(o.reason()).as(check.id()).isEqualTo("only 6 days of metric history (at least 7 needed to judge)");
                assertThat(o.evidence()).containsEntry("historyDays", 6.0).containsEntry("lookbackDays", 14.0);
            }
        }

        @Test
        void sevenDaysAreEnoughAndGapsInsideTheHistoryDoNotShortenIt() {
            // 7 days, with a datapoint missing on days 9 and 11
            ClusterUsage u = usage(GROUP, n -> Map.of(Figure.COMMANDS, daily(7, d -> d == 9 || d == 11 ? Double.NaN : 0),
                    Figure.CONNECTIONS_MAX, daily(7, d -> 2)));
            assertThat(u.history()).isEqualTo(Duration.ofDays(14)); // the default figures go back 14 days
            ClusterUsage only7 = new ClusterUsage(FROM, TO, List.of(new NodeUsage("orders-001/0001", "0001", NodeRole.PRIMARY,
                    Map.of(Figure.COMMANDS, daily(7, d -> d == 9 ? Double.NaN : 0), Figure.CONNECTIONS_MAX, daily(7, d -> 2)))));
            assertThat(only7.history()).isEqualTo(Duration.ofDays(7));
            assertThat(run(UsageChecks::idleCluster, GROUP, only7).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void unreadUsageIsUnknownWithTheReadersReason() {
            Outcome o = run(UsageChecks::idleCluster, GROUP, null);
            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            assertThat(o.reason()).isEqualTo("CloudWatch.GetMetricData failed: Rate exceeded");
        }

        @Test
        void aFigureWithoutAnyDatapointIsUnknownNeverZero() {
            ClusterUsage noCommands = usage(GROUP, n -> Map.of(Figure.COMMANDS, Series.EMPTY));
            Outcome o = run(UsageChecks::idleCluster, GROUP, noCommands);
            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            assertThat(o.reason()).isEqualTo("no datapoints for commands over the lookback");
        }

        @Test
        void noDatapointsAtAllIsZeroHistory() {
            ClusterUsage empty = new ClusterUsage(FROM, TO, List.of(new NodeUsage("x", "0001", NodeRole.PRIMARY, Map.of(Figure.COMMANDS, Series.EMPTY))));
            assertThat(empty.history()).isEqualTo(Duration.ZERO);
            assertThat(run(UsageChecks::idleCluster, GROUP, empty).reason()).startsWith("only 0 days of metric history");
        }
    }

    @Nested
    class Idle {
        @Test
        void noCommandsAndAHandfulOfConnectionsIsIdle() {
            ClusterUsage u = usage(GROUP, n -> Map.of(Figure.COMMANDS, daily(0), Figure.CONNECTIONS_MAX, daily(4)));
            Outcome o = run(UsageChecks::idleCluster, GROUP, u);
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).isEqualTo("idle for 14 days: at most 0 commands a day and 4 connections");
            assertThat(o.evidence()).containsEntry("commands", 0.0).containsEntry("peakConnections", 4.0)
                    .containsEntry("thresholds", Map.of("idle-max-commands-per-day", 0.0, "idle-max-connections", 5.0));
        }

        @Test
        void oneBusyDayOrOneClientIsEnoughToBeInUse() {
            ClusterUsage oneDay = usage(GROUP, n -> Map.of(Figure.COMMANDS, daily(14, d -> d == 3 && n.endsWith("002/0001") ? 12 : 0),
                    Figure.CONNECTIONS_MAX, daily(4)));
            assertThat(run(UsageChecks::idleCluster, GROUP, oneDay).status()).isEqualTo(Status.PASS);
            ClusterUsage client = usage(GROUP, n -> Map.of(Figure.COMMANDS, daily(0), Figure.CONNECTIONS_MAX, daily(14, d -> d == 13 ? 6 : 3)));
            assertThat(run(UsageChecks::idleCluster, GROUP, client).status()).isEqualTo(Status.PASS);
        }

        @Test
        void theProfilesThresholdsApply() {
            ClusterUsage u = usage(GROUP, n -> Map.of(Figure.COMMANDS, daily(40), Figure.CONNECTIONS_MAX, daily(8)));
            assertThat(run(UsageChecks::idleCluster, GROUP, u).status()).isEqualTo(Status.PASS);
            Outcome o = run(UsageChecks::idleCluster, GROUP, u, thresholds(Map.of("idle-max-commands-per-day", 100.0, "idle-max-connections", 10.0)));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).contains("at most 80 commands a day"); // two nodes × 40
        }

        @Test
        void serverlessCachesAreJudgedByTheirEcpus() {
            Cluster sls = Fixtures.serverless("sessions", null, null);
            assertThat(UsageMetrics.of(sls)).containsEntry(Figure.COMMANDS, List.of("ElastiCacheProcessingUnits")).doesNotContainKey(Figure.CPU_HOURLY);
            Outcome o = run(UsageChecks::idleCluster, sls, usage(sls, n -> Map.of(Figure.COMMANDS, daily(0), Figure.CONNECTIONS_MAX, daily(0))));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).contains("0 ECPUs a day");
        }
    }

    @Nested
    class Oversized {
        @Test
        void lowCpuAndMemoryNamesTheSmallestSameFamilyTypeThatKeepsTheHeadroom() {
            Cluster big = Fixtures.redisSingleNode("big", "cache.r6g.2xlarge", 8);
            // 52.82 GiB node, 10 % peak = 5.28 GiB; with 25 % headroom a type needs 7.04 GiB: r6g.large (13.07) holds it
            ClusterUsage u = usage(big, n -> Map.of(Figure.CPU_HOURLY, hourly(h -> h % 24 == 12 ? 15 : 3), Figure.MEMORY_PERCENT, daily(10)));
            Outcome o = run(UsageChecks::oversizedNode, big, u);
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("smallerNodeType", "cache.r6g.large").containsEntry("cpuP99", 15.0)
                    .containsEntry("peakMemoryPercent", 10.0);
            assertThat(o.reason()).startsWith("CPU p99 15 % and peak memory 10 % of cache.r6g.2xlarge: cache.r6g.large");
        }

        @Test
        void headroomDecidesWhichTypeFits() {
            Cluster big = Fixtures.redisSingleNode("big", "cache.r6g.2xlarge", 8);
            // peak 30 % of 52.82 = 15.85 GiB: needs 21.1 GiB at 25 % headroom → xlarge (26.32); at 50 % → 31.7 → none smaller
            ClusterUsage u = usage(big, n -> Map.of(Figure.CPU_HOURLY, hourly(h -> 5), Figure.MEMORY_PERCENT, daily(30)));
            assertThat(run(UsageChecks::oversizedNode, big, u).evidence()).containsEntry("smallerNodeType", "cache.r6g.xlarge");
            Outcome none = run(UsageChecks::oversizedNode, big, u, thresholds(Map.of("memory-headroom", 50.0)));
            assertThat(none.status()).isEqualTo(Status.PASS);
            assertThat(none.reason()).contains("no smaller cache.r6g type leaves 50 % memory headroom");
        }

        @Test
        void theP99IgnoresAFewSpikesButNotABusyDay() {
            Cluster big = Fixtures.redisSingleNode("big", "cache.r6g.2xlarge", 8);
            // 336 hourly points: 3 spikes are above the 99th percentile (rank 333), 4 are not
            ClusterUsage spikes = usage(big, n -> Map.of(Figure.CPU_HOURLY, hourly(h -> h < 3 ? 95 : 5), Figure.MEMORY_PERCENT, daily(10)));
            assertThat(run(UsageChecks::oversizedNode, big, spikes).status()).isEqualTo(Status.FAIL);
            ClusterUsage busy = usage(big, n -> Map.of(Figure.CPU_HOURLY, hourly(h -> h < 24 ? 95 : 5), Figure.MEMORY_PERCENT, daily(10)));
            Outcome o = run(UsageChecks::oversizedNode, big, busy);
            assertThat(o.status()).isEqualTo(Status.PASS);
            assertThat(o.evidence()).containsEntry("cpuP99", 95.0);
        }

        @Test
        void theBusiestNodeCounts() {
            ClusterUsage u = usage(GROUP, n -> Map.of(Figure.CPU_HOURLY, hourly(h -> 5), Figure.MEMORY_PERCENT, daily(n.startsWith("orders-002") ? 45 : 5)));
            Outcome o = run(UsageChecks::oversizedNode, GROUP, u);
            assertThat(o.status()).isEqualTo(Status.PASS);
            assertThat(o.evidence()).containsEntry("peakMemoryPercent", 45.0);
        }

        @Test
        void theSmallestTypeOfItsFamilyPasses() {
            Cluster small = Fixtures.redisSingleNode("small", "cache.t3.micro", 2);
            ClusterUsage u = usage(small, n -> Map.of(Figure.CPU_HOURLY, hourly(h -> 1), Figure.MEMORY_PERCENT, daily(1)));
            assertThat(run(UsageChecks::oversizedNode, small, u).status()).isEqualTo(Status.PASS);
        }

        @Test
        void anUnknownNodeTypeIsUnknownAndServerlessDoesNotApply() {
            Cluster odd = Fixtures.redisSingleNode("odd", "cache.x99.large", null);
            ClusterUsage u = usage(odd, n -> Map.of(Figure.CPU_HOURLY, hourly(h -> 1), Figure.MEMORY_PERCENT, daily(1)));
            assertThat(run(UsageChecks::oversizedNode, odd, u).status()).isEqualTo(Status.UNKNOWN);
            Cluster sls = Fixtures.serverless("s", null, null);
            assertThat(run(UsageChecks::oversizedNode, sls, usage(sls, n -> Map.of())).status()).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void memcachedReadsBytesAndScalesItsHostCpuToFewerVcpus() {
            Cluster mc = Fixtures.memcached("pages", 2); // cache.m6g.large: 2 vCPUs, 6.38 GiB — the family's smallest
            ClusterUsage u = usage(mc, n -> Map.of(Figure.CPU_HOURLY, hourly(h -> 2), Figure.MEMORY_BYTES, daily(0.5 * GIB)));
            Outcome o = run(UsageChecks::oversizedNode, mc, u);
            assertThat(o.status()).isEqualTo(Status.PASS);
            assertThat(o.evidence()).containsEntry("peakMemoryPercent", 7.84);
            Cluster mc4 = new Cluster(mc.kind(), mc.region(), mc.id(), mc.arn(), Engine.MEMCACHED, "1.6", "cache.m6g.4xlarge", 16, null,
                    false, "available", false, Map.of(), mc.shards(), null, null, true);
            // 16 vCPUs at 10 %: on 2 vCPUs that is 80 % (above 75 %); on 4 it is 40 %
            ClusterUsage u4 = usage(mc4, n -> Map.of(Figure.CPU_HOURLY, hourly(h -> 10), Figure.MEMORY_BYTES, daily(2 * GIB)));
            assertThat(run(UsageChecks::oversizedNode, mc4, u4).evidence()).containsEntry("smallerNodeType", "cache.m6g.xlarge");
        }
    }

    @Nested
    class Evictions {
        @Test
        void evictionsOnMostDaysWithMemoryNearFullFail() {
            ClusterUsage u = usage(GROUP, n -> Map.of(Figure.EVICTIONS, daily(14, d -> d % 4 == 0 ? 0 : 250), Figure.MEMORY_PERCENT, daily(97)));
            Outcome o = run(UsageChecks::evictionPressure, GROUP, u);
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("daysWithEvictions", 10L).containsEntry("daysWithData", 14).containsEntry("peakMemoryPercent", 97.0);
        }

        @Test
        void halfTheDaysIsNotMostAndLowMemoryIsExpiryNotPressure() {
            ClusterUsage half = usage(GROUP, n -> Map.of(Figure.EVICTIONS, daily(14, d -> d % 2 == 0 ? 5 : 0), Figure.MEMORY_PERCENT, daily(97)));
            assertThat(run(UsageChecks::evictionPressure, GROUP, half).status()).isEqualTo(Status.PASS);
            ClusterUsage low = usage(GROUP, n -> Map.of(Figure.EVICTIONS, daily(5), Figure.MEMORY_PERCENT, daily(60)));
            Outcome o = run(UsageChecks::evictionPressure, GROUP, low);
            assertThat(o.status()).isEqualTo(Status.PASS);
            assertThat(o.reason()).contains("memory peaked at 60 %");
        }

        @Test
        void daysAreCountedOverTheDaysWithData() {
            // 8 days of data, 5 with evictions → 62.5 % > 50 %
            ClusterUsage gaps = usage(GROUP, n -> Map.of(Figure.EVICTIONS, daily(14, d -> d < 6 ? Double.NaN : d < 11 ? 3 : 0),
                    Figure.MEMORY_PERCENT, daily(95)));
            Outcome o = run(UsageChecks::evictionPressure, GROUP, gaps);
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("daysWithData", 8).containsEntry("daysWithEvictions", 5L);
        }

        @Test
        void serverlessDoesNotApply() {
            Cluster sls = Fixtures.serverless("s", null, null);
            assertThat(UsageMetrics.of(sls)).doesNotContainKey(Figure.EVICTIONS);
            assertThat(run(UsageChecks::evictionPressure, sls, usage(sls, n -> Map.of())).status()).isEqualTo(Status.NOT_APPLICABLE);
        }
    }

    @Nested
    class Ttl {
        @Test
        void coverageIsVolatileOverAllKeysOnPrimaries() {
            // replicas hold the same keys: only the primary counts
            ClusterUsage u = usage(GROUP, n -> Map.of(Figure.ITEMS, daily(1000), Figure.VOLATILE_ITEMS, daily(n.startsWith("orders-001") ? 100 : 1000)));
            Outcome o = run(UsageChecks::ttlCoverage, GROUP, u);
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("coveragePercent", 10.0).containsEntry("keys", 1000.0).containsEntry("keysWithTtl", 100.0);
        }

        @Test
        void atTheThresholdPassesAndAnEmptyCacheDoesNotApply() {
            ClusterUsage half = usage(GROUP, n -> Map.of(Figure.ITEMS, daily(1000), Figure.VOLATILE_ITEMS, daily(500)));
            assertThat(run(UsageChecks::ttlCoverage, GROUP, half).status()).isEqualTo(Status.PASS);
            ClusterUsage empty = usage(GROUP, n -> Map.of(Figure.ITEMS, daily(0), Figure.VOLATILE_ITEMS, daily(0)));
            Outcome o = run(UsageChecks::ttlCoverage, GROUP, empty);
            assertThat(o.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(o.reason()).isEqualTo("the cache held no keys over the lookback");
        }

        @Test
        void memcachedAndMemoryDbDoNotApply() {
            Cluster mc = Fixtures.memcached("pages", 2);
            Cluster mdb = Fixtures.memoryDb("ledger", 2, 1);
            assertThat(UsageMetrics.of(mc)).doesNotContainKey(Figure.VOLATILE_ITEMS);
            assertThat(UsageMetrics.of(mdb)).doesNotContainKey(Figure.VOLATILE_ITEMS);
            assertThat(run(UsageChecks::ttlCoverage, mc, usage(mc, n -> Map.of())).reason()).contains("no CurrVolatileItems");
            assertThat(run(UsageChecks::ttlCoverage, mdb, usage(mdb, n -> Map.of())).status()).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void serverlessCachesAreOneNode() {
            Cluster sls = Fixtures.serverless("sessions", null, null);
            Outcome o = run(UsageChecks::ttlCoverage, sls, usage(sls, n -> Map.of(Figure.ITEMS, daily(200), Figure.VOLATILE_ITEMS, daily(20))));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("coveragePercent", 10.0);
        }
    }

    @Nested
    class Skew {
        /** Cluster-mode Valkey, roles unknown as DescribeReplicationGroups leaves them: primaries from IsPrimary. */
        final Cluster cm = Fixtures.valkeyClusterMode("cm", 4, 1);

        Map<Figure, Series> primary(String label, double cpu, double net, double items) {
            boolean isPrimary = label.endsWith("-001/0001");
            return Map.of(Figure.IS_PRIMARY, daily(isPrimary ? 1 : 0), Figure.CPU_DAILY, daily(isPrimary ? cpu : 2),
                    Figure.NETWORK_IN, daily(isPrimary ? net : 1), Figure.ITEMS, daily(items));
        }

        @Test
        void theBusiestPrimaryAboveTheFactorFailsAndReplicasDoNotCount() {
            ClusterUsage u = usage(cm, n -> primary(n, n.startsWith("cm-0003") ? 40 : 10, 1e9, 1000));
            Outcome o = run(UsageChecks::shardSkew, cm, u);
            assertThat(o.status()).isEqualTo(Status.FAIL);
            // mean of 40, 10, 10, 10 = 17.5; 40 / 17.5 = 2.29
            assertThat(o.reason()).isEqualTo("hot shard: engineCpu 2.29× the mean on cm-0003-001/0001");
            @SuppressWarnings("unchecked")
            Map<String, Object> cpu = (Map<String, Object>) ((Map<String, Object>) o.evidence().get("figures")).get("engineCpu");
            assertThat(cpu).containsEntry("busiest", "cm-0003-001/0001").containsEntry("mean", 17.5).containsEntry("factor", 2.29);
        }

        @Test
        void itemsOrNetworkAloneAreEnough() {
            ClusterUsage u = usage(cm, n -> primary(n, 10, 1e9, n.startsWith("cm-0001") ? 5000 : 1000));
            assertThat(run(UsageChecks::shardSkew, cm, u).reason()).startsWith("hot shard: items 2.5× the mean on cm-0001-001/0001");
        }

        @Test
        void exactlyTheFactorPassesAndAFailoverMovesThePrimary() {
            // 4 primaries at 10, 10, 10, 20: mean 12.5, factor 1.6 > 1.5; at a factor of 1.6 it passes
            ClusterUsage u = usage(cm, n -> primary(n, n.startsWith("cm-0002") ? 20 : 10, 1e9, 1000));
            assertThat(run(UsageChecks::shardSkew, cm, u).status()).isEqualTo(Status.FAIL);
            assertThat(run(UsageChecks::shardSkew, cm, u, thresholds(Map.of("shard-skew-factor", 1.6))).status()).isEqualTo(Status.PASS);
            // shard 0002's replica became primary on the last day: its figures are the replica's (2), no skew
            ClusterUsage failedOver = usage(cm, n -> {
                Map<Figure, Series> f = new EnumMap<>(primary(n, n.startsWith("cm-0002") ? 20 : 10, 1e9, 1000));
                if (n.startsWith("cm-0002")) {
                    f.put(Figure.IS_PRIMARY, daily(14, d -> n.endsWith("-002/0001") == (d == 13) ? 1 : 0));
                }
                return f;
            });
            Outcome o = run(UsageChecks::shardSkew, cm, failedOver);
            assertThat(o.status()).isEqualTo(Status.PASS);
        }

        @Test
        void zeroMeansAndGapsLeaveAFigureOutAndAllOutIsUnknown() {
            ClusterUsage zero = usage(cm, n -> primary(n, 0, 0, 0));
            Outcome o = run(UsageChecks::shardSkew, cm, zero);
            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            ClusterUsage gap = usage(cm, n -> {
                Map<Figure, Series> f = new EnumMap<>(primary(n, n.startsWith("cm-0001") ? 90 : 10, 1e9, 1000));
                if (n.equals("cm-0004-001/0001")) {
                    f.put(Figure.CPU_DAILY, Series.EMPTY); // one primary without CPU data: CPU cannot be compared
                }
                return f;
            });
            Outcome g = run(UsageChecks::shardSkew, cm, gap);
            assertThat(g.status()).isEqualTo(Status.PASS);
            assertThat(((Map<?, ?>) g.evidence().get("figures")).get("engineCpu")).isNull();
            assertThat(((Map<?, ?>) g.evidence().get("figures")).containsKey("engineCpu")).isTrue();
        }

        @Test
        void noKnownPrimaryIsUnknown() {
            ClusterUsage u = usage(cm, n -> Map.of(Figure.IS_PRIMARY, Series.EMPTY));
            Outcome o = run(UsageChecks::shardSkew, cm, u);
            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            assertThat(o.reason()).contains("0 primaries reported for 4 shards");
        }

        @Test
        void singleShardNonClusterModeMemcachedAndServerlessDoNotApply() {
            Cluster one = Fixtures.valkeyClusterMode("one", 1, 1);
            assertThat(run(UsageChecks::shardSkew, one, usage(one, n -> Map.of())).reason()).isEqualTo("a single shard");
            assertThat(run(UsageChecks::shardSkew, GROUP, usage(GROUP, n -> Map.of())).reason()).contains("cluster mode is off");
            Cluster mc = Fixtures.memcached("pages", 2);
            assertThat(run(UsageChecks::shardSkew, mc, usage(mc, n -> Map.of())).status()).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void memoryDbIsAlwaysShardedAndReportsIsPrimary() {
            Cluster mdb = Fixtures.memoryDb("ledger", 2, 1);
            assertThat(UsageMetrics.of(mdb)).containsKey(Figure.IS_PRIMARY);
            ClusterUsage u = usage(mdb, n -> Map.of(Figure.IS_PRIMARY, daily(n.endsWith("-001") ? 1 : 0),
                    Figure.ITEMS, daily(n.startsWith("ledger-0001") ? 3000 : 1000)));
            // 3000 against a mean of 2000 is exactly 1.5: not above the factor
            assertThat(run(UsageChecks::shardSkew, mdb, u).status()).isEqualTo(Status.PASS);
            ClusterUsage hot = usage(mdb, n -> Map.of(Figure.IS_PRIMARY, daily(n.endsWith("-001") ? 1 : 0),
                    Figure.ITEMS, daily(n.startsWith("ledger-0001") ? 4000 : 1000)));
            Outcome o = run(UsageChecks::shardSkew, mdb, hot);
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).isEqualTo("hot shard: items 1.6× the mean on ledger-0001-001");
        }
    }

    @Nested
    class Churn {
        @Test
        void manyNewConnectionsAgainstFewOpenOnesFail() {
            // 2 nodes × 28,800 a day = 40 a minute against 2 × 5 open
            ClusterUsage u = usage(GROUP, n -> Map.of(Figure.NEW_CONNECTIONS, daily(28_800), Figure.CONNECTIONS_AVERAGE, daily(5)));
            Outcome o = run(UsageChecks::connectionChurn, GROUP, u);
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("newConnectionsPerMinute", 40.0).containsEntry("averageConnections", 10.0).containsEntry("ratio", 4.0);
        }

        @Test
        void aPoolAndAQuietClusterPass() {
            ClusterUsage pool = usage(GROUP, n -> Map.of(Figure.NEW_CONNECTIONS, daily(28_800), Figure.CONNECTIONS_AVERAGE, daily(500)));
            assertThat(run(UsageChecks::connectionChurn, GROUP, pool).status()).isEqualTo(Status.PASS);
            ClusterUsage quiet = usage(GROUP, n -> Map.of(Figure.NEW_CONNECTIONS, daily(1440), Figure.CONNECTIONS_AVERAGE, daily(0)));
            // 2 a minute, no connection open on average: below the 10 a minute floor
            assertThat(run(UsageChecks::connectionChurn, GROUP, quiet).status()).isEqualTo(Status.PASS);
        }
    }

    @Nested
    class MaintenanceWindow {
        Cluster standalone(String window) {
            Cluster c = Fixtures.redisSingleNode("solo", "cache.r6g.large", 2);
            return c.withPosture(Posture.builder().members(List.of(new MemberPosture("solo", "7.1", null, null, window, null, null, true))).build());
        }

        /** Office hours busy (Mon–Fri 08:00–18:00 UTC at 60 %), nights at 5 %, Sunday 04:00 the quietest at 1 %. */
        ClusterUsage officeHours(Cluster c) {
            return usage(c, n -> Map.of(Figure.CPU_HOURLY, hourly(h -> {
                java.time.ZonedDateTime t = FROM.plus(Duration.ofHours(h)).atZone(java.time.ZoneOffset.UTC);
                if (t.getDayOfWeek() == java.time.DayOfWeek.SUNDAY && t.getHour() == 4) {
                    return 1;
                }
                return t.getDayOfWeek().getValue() <= 5 && t.getHour() >= 8 && t.getHour() < 18 ? 60 : 5;
            })));
        }

        @Test
        void aWindowInTheBusiestQuarterFailsAndProposesTheQuietestHour() {
            Cluster c = standalone("wed:10:00-wed:11:00");
            Outcome o = run(UsageChecks::maintenanceWindowBusy, c, officeHours(c));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("proposedWindow", "sun:04:00-sun:05:00").containsEntry("busyHours", List.of("wed 10:00 (60)"))
                    .containsEntry("quietestHourLoad", 1.0);
        }

        @Test
        void aQuietWindowPassesAndAWindowOverlappingBusyHoursByMinutesFails() {
            Cluster night = standalone("sun:05:00-sun:06:00");
            assertThat(run(UsageChecks::maintenanceWindowBusy, night, officeHours(night)).status()).isEqualTo(Status.PASS);
            Cluster edge = standalone("mon:07:30-mon:08:30");
            Outcome o = run(UsageChecks::maintenanceWindowBusy, edge, officeHours(edge));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("busyHours", List.of("mon 08:00 (60)"));
        }

        @Test
        void hoursTiedWithTheLastOfTheBusiestQuarterAreBusyToo() {
            // 50 office hours at 60 % are more than the quarter (42): Friday 17:00 ties with the 42nd and is busy
            Cluster late = standalone("fri:17:00-fri:18:00");
            Outcome o = run(UsageChecks::maintenanceWindowBusy, late, officeHours(late));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("busiestQuarterFrom", 60.0);
        }

        @Test
        void flatLoadHasNoBusyHours() {
            Cluster c = standalone("wed:10:00-wed:11:00");
            ClusterUsage flat = usage(c, n -> Map.of(Figure.CPU_HOURLY, hourly(h -> 10 + h % 2)));
            Outcome o = run(UsageChecks::maintenanceWindowBusy, c, flat);
            assertThat(o.status()).isEqualTo(Status.PASS);
            assertThat(o.reason()).startsWith("load is flat over the week");
        }

        @Test
        void anUnknownOrMalformedWindowIsUnknownAndServerlessDoesNotApply() {
            Cluster none = standalone(null);
            assertThat(run(UsageChecks::maintenanceWindowBusy, none, officeHours(none)).status()).isEqualTo(Status.UNKNOWN);
            Cluster bad = standalone("someday");
            Outcome o = run(UsageChecks::maintenanceWindowBusy, bad, officeHours(bad));
            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            assertThat(o.reason()).contains("not in the form");
            Cluster sls = Fixtures.serverless("s", null, null);
            assertThat(run(UsageChecks::maintenanceWindowBusy, sls, usage(sls, n -> Map.of())).status()).isEqualTo(Status.NOT_APPLICABLE);
        }
    }
}
