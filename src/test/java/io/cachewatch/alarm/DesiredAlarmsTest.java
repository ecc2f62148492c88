package io.cachewatch.alarm;

import static io.cachewatch.Fixtures.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileSelector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Desired alarms from the shipped profiles, for every topology. */
class DesiredAlarmsTest {
    private static final ProfileCatalog CATALOG = ProfileCatalog.load(Path.of("alarm-profiles"));
    private static final Map<String, String> TOPICS = Map.of("critical", "arn:aws:sns:us-east-1:123456789012:critical",
            "warning", "arn:aws:sns:us-east-1:123456789012:warning");

    private final DesiredAlarms desired = new DesiredAlarms(CATALOG.profiles(),
            new ProfileSelector("default", "Environment", Map.of("prod", "production")),
            new AlarmNaming("cachewatch-"), new AlarmActions(TOPICS, null));

    private DesiredState state(Cluster... clusters) {
        return desired.forRegion(new RegionInventory(REGION, List.of(clusters), List.of()));
    }

    private static Map<String, Long> rulesCount(DesiredState state) {
        return state.alarms().stream().collect(Collectors.groupingBy(a -> a.owner().rule(), Collectors.counting()));
    }

    private static DesiredAlarm alarm(DesiredState state, String name) {
        return state.alarms().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                name + " not in " + state.alarms().stream().map(DesiredAlarm::name).toList()));
    }

    @Test
    void replicatedRedisNodesGetEveryNodeAlarmWithMemberClusterDimensions() {
        DesiredState state = state(Fixtures.redisReplicationGroup("orders", 2, Map.of()));
        assertThat(rulesCount(state)).containsOnly(Map.entry("cpu-high", 3L), Map.entry("host-cpu-high", 3L),
                Map.entry("memory-high", 3L), Map.entry("swap-high", 3L), Map.entry("evictions", 3L),
                Map.entry("replication-lag", 3L), Map.entry("connections-high", 3L), Map.entry("slow-commands", 1L));
        DesiredAlarm cpu = alarm(state, "cachewatch-elasticache/orders-002/0001/cpu-high");
        assertThat(cpu.spec().namespace()).isEqualTo("AWS/ElastiCache");
        assertThat(cpu.spec().metricName()).isEqualTo("EngineCPUUtilization");
        assertThat(cpu.spec().dimensions()).containsExactly(new Dimension("CacheClusterId", "orders-002"), new Dimension("CacheNodeId", "0001"));
        assertThat(cpu.spec().threshold()).isEqualTo(80);
        assertThat(cpu.spec().comparison()).isEqualTo(Comparison.GREATER_THAN);
        assertThat(cpu.spec().evaluationPeriods()).isEqualTo(5);
        assertThat(cpu.spec().datapointsToAlarm()).isEqualTo(5);
        assertThat(cpu.spec().period()).isEqualTo(60);
        assertThat(cpu.spec().alarmActions()).containsExactly(TOPICS.get("critical"));
        assertThat(cpu.spec().okActions()).containsExactly(TOPICS.get("critical"));
        assertThat(cpu.tags()).containsEntry("managed-by", "cachewatch").containsEntry("cluster", "orders")
                .containsEntry("rule", "cpu-high").containsEntry("profile", "default");
        assertThat(cpu.spec().description()).contains("orders-002/0001", "cpu-high", "default", "hand edits are reverted");
        DesiredAlarm host = alarm(state, "cachewatch-elasticache/orders-001/0001/host-cpu-high");
        assertThat(host.spec().threshold()).isEqualTo(45.0);
        assertThat(host.spec().alarmActions()).containsExactly(TOPICS.get("warning"));
        DesiredAlarm lag = alarm(state, "cachewatch-elasticache/orders-003/0001/replication-lag");
        assertThat(lag.spec().treatMissingData()).isEqualTo(TreatMissingData.notBreaching);
        assertThat(lag.spec().evaluationPeriods()).isEqualTo(15);
        assertThat(lag.spec().threshold()).isEqualTo(30);
        DesiredAlarm evictions = alarm(state, "cachewatch-elasticache/orders-001/0001/evictions");
        assertThat(evictions.spec().statistic()).isEqualTo("Sum");
        assertThat(evictions.spec().period()).isEqualTo(300);
        assertThat(evictions.spec().threshold()).isEqualTo(1000);
        assertThat(evictions.spec().evaluationPeriods()).isEqualTo(1);
        // one slow-log alarm for the replication group, on the dimensions the slow-log reader publishes
        DesiredAlarm slow = alarm(state, "cachewatch-elasticache/orders/slow-commands");
        assertThat(slow.spec().namespace()).isEqualTo("cachewatch/SlowLog");
        assertThat(slow.spec().metricName()).isEqualTo("SlowCommands");
        assertThat(slow.spec().dimensions()).containsExactly(new Dimension("ClusterId", "orders"), new Dimension("Kind", "elasticache"));
        assertThat(slow.spec().statistic()).isEqualTo("Sum");
        assertThat(slow.spec().period()).isEqualTo(300);
        assertThat(slow.spec().treatMissingData()).isEqualTo(TreatMissingData.notBreaching);
        assertThat(slow.spec().alarmActions()).containsExactly(TOPICS.get("warning"));
        assertThat(slow.owner().node()).isNull();
    }

    @Test
    void clusterModeNodesWithFourVcpusHaveNoHostCpuAlarm() {
        DesiredState state = state(Fixtures.valkeyClusterMode("feed", 2, 1));
        assertThat(rulesCount(state)).containsOnly(Map.entry("cpu-high", 4L), Map.entry("memory-high", 4L),
                Map.entry("swap-high", 4L), Map.entry("evictions", 4L), Map.entry("replication-lag", 4L),
                Map.entry("connections-high", 4L), Map.entry("slow-commands", 1L));
        assertThat(alarm(state, "cachewatch-elasticache/feed-0002-002/0001/memory-high").spec().dimensions())
                .containsExactly(new Dimension("CacheClusterId", "feed-0002-002"), new Dimension("CacheNodeId", "0001"));
        assertThat(state.skips()).isEmpty();
    }

    @Test
    void memcachedNodesWatchHostCpuAndFreeableMemoryButNeverReplication() {
        DesiredState state = state(Fixtures.memcached("sessions-mc", 3));
        assertThat(rulesCount(state)).containsOnly(Map.entry("cpu-high", 3L), Map.entry("memory-low", 3L),
                Map.entry("swap-high", 3L), Map.entry("evictions", 3L), Map.entry("connections-high", 3L));
        DesiredAlarm cpu = alarm(state, "cachewatch-elasticache/sessions-mc/0003/cpu-high");
        assertThat(cpu.spec().metricName()).isEqualTo("CPUUtilization");
        DesiredAlarm memory = alarm(state, "cachewatch-elasticache/sessions-mc/0001/memory-low");
        assertThat(memory.spec().comparison()).isEqualTo(Comparison.LESS_THAN);
        assertThat(memory.spec().threshold()).isEqualTo(100.0 * 1024 * 1024);
    }

    @Test
    void memoryDbNodesUseClusterNameAndNodeName() {
        DesiredState state = state(Fixtures.memoryDb("ledger", 2, 1));
        assertThat(rulesCount(state)).containsOnly(Map.entry("cpu-high", 4L), Map.entry("host-cpu-high", 4L),
                Map.entry("memory-high", 4L), Map.entry("swap-high", 4L), Map.entry("evictions", 4L),
                Map.entry("replication-lag", 4L), Map.entry("connections-high", 4L), Map.entry("slow-commands", 1L));
        assertThat(alarm(state, "cachewatch-memorydb/ledger/slow-commands").spec().dimensions())
                .containsExactly(new Dimension("ClusterId", "ledger"), new Dimension("Kind", "memorydb"));
        DesiredAlarm evictions = alarm(state, "cachewatch-memorydb/ledger/ledger-0002-001/evictions");
        assertThat(evictions.spec().namespace()).isEqualTo("AWS/MemoryDB");
        assertThat(evictions.spec().dimensions()).containsExactly(new Dimension("ClusterName", "ledger"), new Dimension("NodeName", "ledger-0002-001"));
        assertThat(evictions.spec().threshold()).isZero();
        assertThat(evictions.severity()).isEqualTo("critical");
    }

    @Test
    void serverlessThresholdsComeFromItsLimitsAndMissingLimitsAreSkippedWithAReason() {
        DesiredState limited = state(Fixtures.serverless("api-cache", 10_000L, 5_000_000_000L));
        assertThat(rulesCount(limited)).containsOnly(Map.entry("ecpu-high", 1L), Map.entry("storage-high", 1L),
                Map.entry("throttled", 1L), Map.entry("connections-high", 1L));
        DesiredAlarm ecpu = alarm(limited, "cachewatch-serverless/api-cache/ecpu-high");
        assertThat(ecpu.spec().dimensions()).containsExactly(new Dimension("clusterId", "api-cache"));
        assertThat(ecpu.spec().metricName()).isEqualTo("ElastiCacheProcessingUnits");
        assertThat(ecpu.spec().threshold()).isEqualTo(8000.0);
        assertThat(alarm(limited, "cachewatch-serverless/api-cache/storage-high").spec().threshold()).isEqualTo(4_000_000_000.0);

        DesiredState unlimited = state(Fixtures.serverless("free-cache", null, null));
        assertThat(rulesCount(unlimited)).containsOnly(Map.entry("throttled", 1L), Map.entry("connections-high", 1L));
        assertThat(unlimited.skips()).extracting(Skip::rule).containsExactlyInAnyOrder("ecpu-high", "storage-high");
        assertThat(unlimited.skips()).allSatisfy(s -> assertThat(s.reason()).contains("unknown for this resource"));
        assertThat(unlimited.skips().stream().filter(s -> s.rule().equals("ecpu-high")).findFirst().orElseThrow().reason())
                .contains("ecpu_per_second_max");
    }

    @Test
    void singleNodesHaveNoReplicationLagAndUnknownNodeTypesSkipTheVcpuRule() {
        DesiredState state = state(Fixtures.redisSingleNode("solo", "cache.x99.mystery", null));
        assertThat(rulesCount(state)).containsOnlyKeys("cpu-high", "memory-high", "swap-high", "evictions", "connections-high", "slow-commands");
        assertThat(state.skips()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo("host-cpu-high");
            assertThat(s.reason()).contains("vcpus");
        });
    }

    @Test
    void tagsChooseTheProfileAndOverrideRules() {
        Cluster prod = Fixtures.withTags(Fixtures.redisReplicationGroup("orders", 1, Map.of()), Map.of("Environment", "Prod",
                "cachewatch:cpu-high.threshold", "95", "cachewatch:swap-high", "off"));
        DesiredState state = state(prod);
        DesiredAlarm cpu = alarm(state, "cachewatch-elasticache/orders-001/0001/cpu-high");
        assertThat(cpu.spec().threshold()).isEqualTo(95);
        assertThat(cpu.owner().profile()).isEqualTo("production");
        assertThat(rulesCount(state)).doesNotContainKey("swap-high");

        Cluster explicit = Fixtures.withTags(Fixtures.memcached("mc", 1), Map.of("Environment", "prod", "cachewatch:profile", "development"));
        assertThat(state(explicit).alarms()).allSatisfy(a -> assertThat(a.owner().profile()).isEqualTo("development"));
    }

    @Test
    void aThresholdOutsideTheMetricsRangeIsSkippedWithAReason() {
        Cluster tagged = Fixtures.withTags(Fixtures.redisReplicationGroup("orders", 1, Map.of()),
                Map.of("cachewatch:memory-high.threshold", "150"));
        DesiredState state = state(tagged);
        assertThat(rulesCount(state)).doesNotContainKey("memory-high").containsEntry("cpu-high", 2L);
        assertThat(state.skips()).hasSize(2).allSatisfy(s -> {
            assertThat(s.rule()).isEqualTo("memory-high");
            assertThat(s.reason()).contains("150.0 is outside 0..100 for percentage metric DatabaseMemoryUsagePercentage");
        });
    }

    @Test
    void optedOutClustersGetNothingAndBadTagsHoldTheCluster() {
        Cluster ignored = Fixtures.withTags(Fixtures.memcached("old", 2), Map.of("cachewatch:ignore", "true"));
        DesiredState state = state(ignored);
        assertThat(state.alarms()).isEmpty();
        assertThat(state.heldClusters()).isEmpty();

        Cluster typo = Fixtures.withTags(Fixtures.memcached("typo", 2), Map.of("cachewatch:cpu-hihg.threshold", "90"));
        Cluster notANumber = Fixtures.withTags(Fixtures.memcached("nan", 2), Map.of("cachewatch:cpu-high.threshold", "ninety"));
        Cluster unknownProfile = Fixtures.withTags(Fixtures.memcached("nope", 2), Map.of("cachewatch:profile", "gold"));
        DesiredState bad = state(typo, notANumber, unknownProfile);
        assertThat(bad.alarms()).isEmpty();
        assertThat(bad.heldClusters()).containsExactlyInAnyOrder("typo", "nan", "nope");
        assertThat(bad.problems()).extracting(ClusterProblem::message).anySatisfy(m -> assertThat(m).contains("cpu-hihg"))
                .anySatisfy(m -> assertThat(m).contains("must be a number")).anySatisfy(m -> assertThat(m).contains("'gold'"));
    }

    @Test
    void namesAreUniqueAcrossAWholeMixedFleet() {
        DesiredState state = state(Fixtures.redisReplicationGroup("a", 2, Map.of()), Fixtures.valkeyClusterMode("b", 3, 2),
                Fixtures.memcached("c", 4), Fixtures.memoryDb("a", 2, 2), Fixtures.serverless("a", 1L, 1L));
        assertThat(state.alarms()).extracting(DesiredAlarm::name).doesNotHaveDuplicates();
        assertThat(state.alarms()).allSatisfy(a -> assertThat(a.name()).startsWith("cachewatch-").hasSizeLessThanOrEqualTo(255));
    }
}
