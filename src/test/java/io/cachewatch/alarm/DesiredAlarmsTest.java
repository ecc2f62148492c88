package io.cachewatch.alarm;

import static io.cachewatch.Fixtures.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.ClusterProblem;
import io.cachewatch.plan.Skip;
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
        DesiredAlarm cpu = alarm(state, "cachewatch-cachecluster/sessions-mc/0003/cpu-high");
        assertThat(cpu.spec().metricName()).isEqualTo("CPUUtilization");
        DesiredAlarm memory = alarm(state, "cachewatch-cachecluster/sessions-mc/0001/memory-low");
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
        assertThat(unlimited.skips()).allSatisfy(s -> assertThat(s.reason()).contains("not configured for this cache"));
        assertThat(unlimited.skips().stream().filter(s -> s.rule().equals("ecpu-high")).findFirst().orElseThrow().reason())
                .contains("ecpu_per_second_max");
    }

    @Test
    void singleNodesHaveNoReplicationLag() {
        DesiredState state = state(Fixtures.redisSingleNode("solo", "cache.t4g.small", 2));
        assertThat(rulesCount(state)).containsOnlyKeys("cpu-high", "host-cpu-high", "memory-high", "swap-high", "evictions",
                "connections-high", "slow-commands");
        assertThat(state.skips()).isEmpty();
    }

    /**
     * A node type missing from the table leaves vcpus unknown, which the profile's host-cpu-high condition needs: that
     * is not a fact AWS lacks, so the cluster is a problem (its alarms are kept) rather than quietly losing a rule.
     */
    @Test
    void aFactThatIsNotAnOptionalLimitMakesAProblemClusterNamingFileLineFieldAndFact() {
        DesiredState state = state(Fixtures.redisSingleNode("solo", "cache.x99.mystery", null), Fixtures.redisReplicationGroup("ok", 1, Map.of()));
        assertThat(state.alarms()).noneMatch(a -> a.owner().cluster().equals("solo")).isNotEmpty();
        assertThat(state.skips()).isEmpty();
        assertThat(state.heldClusters()).containsExactly(new ClusterRef(ClusterRef.CACHE_CLUSTER, "solo"));
        assertThat(state.problems()).singleElement().satisfies(p -> {
            assertThat(p.cluster()).isEqualTo("solo");
            assertThat(p.message()).contains("alarm-profiles/default.yaml:", ": when: 'vcpus <= 2' (rule host-cpu-high) needs vcpus",
                    "node type cache.x99.mystery is not in the node-type table");
        });
    }

    /** The README's way out for a node type the table lacks: turn off the rules that need its figures. */
    @Test
    void turningOffTheRuleThatNeedsTheUnknownFactLetsTheClustersOtherAlarmsBeManaged() {
        DesiredState state = state(Fixtures.withTags(Fixtures.redisSingleNode("solo", "cache.x99.mystery", null),
                Map.of("cachewatch:host-cpu-high", "off")));
        assertThat(state.problems()).isEmpty();
        assertThat(state.heldClusters()).isEmpty();
        assertThat(rulesCount(state)).containsKeys("cpu-high", "memory-high").doesNotContainKey("host-cpu-high");
    }

    /** A threshold expression that only fails for some node ({@code memory_bytes / (vcpus - 2)} on 2 vCPUs). */
    @Test
    void aThresholdWithoutANumericValueMakesAProblemClusterWithoutAGarbledReason(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("default.yaml"), """
                rules:
                  - id: per-core-memory
                    kind: [elasticache]
                    engine: [redis, valkey]
                    metric: FreeableMemory
                    statistic: Average
                    period: 60
                    evaluation-periods: 5
                    comparison: "<"
                    threshold: memory_bytes / (vcpus - 2)
                    severity: warning
                """);
        DesiredAlarms custom = new DesiredAlarms(ProfileCatalog.load(dir).profiles(), new ProfileSelector("default", "Environment", Map.of()),
                new AlarmNaming("cachewatch-"), AlarmActions.NONE);
        DesiredState state = custom.forRegion(new RegionInventory(REGION, List.of(Fixtures.redisReplicationGroup("orders", 1, Map.of()),
                Fixtures.valkeyClusterMode("big", 1, 1)), List.of()));
        assertThat(state.alarms()).isNotEmpty().allSatisfy(a -> assertThat(a.owner().cluster()).isEqualTo("big"));
        assertThat(state.skips()).isEmpty();
        assertThat(state.heldClusters()).containsExactly(new ClusterRef("elasticache", "orders"));
        assertThat(state.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message())
                .contains("default.yaml:10: threshold: 'memory_bytes / (vcpus - 2)' (rule per-core-memory) has no numeric value for orders-00")
                .doesNotContain("needs ,"));
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

    /** {@code memory-high.threshold=150} on a percentage, {@code cpu-high.threshold=-5}: never a skip that drops alarms. */
    @Test
    void aThresholdOutsideTheMetricsRangeMakesAProblemClusterNamingTheTag() {
        Cluster over = Fixtures.withTags(Fixtures.redisReplicationGroup("orders", 1, Map.of()), Map.of("cachewatch:memory-high.threshold", "150"));
        Cluster negative = Fixtures.withTags(Fixtures.memcached("sessions", 2), Map.of("cachewatch:cpu-high.threshold", "-5"));
        DesiredState state = state(over, negative, Fixtures.redisReplicationGroup("fine", 1, Map.of()));
        assertThat(state.alarms()).isNotEmpty().allSatisfy(a -> assertThat(a.owner().cluster()).isEqualTo("fine"));
        assertThat(state.skips()).isEmpty();
        assertThat(state.heldClusters()).containsExactlyInAnyOrder(over.ref(), negative.ref());
        assertThat(state.problems()).extracting(ClusterProblem::cluster, ClusterProblem::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("orders", "tag cachewatch:memory-high.threshold=150 is outside 0..100 for percentage metric"
                        + " DatabaseMemoryUsagePercentage (rule memory-high)"),
                org.assertj.core.groups.Tuple.tuple("sessions", "tag cachewatch:cpu-high.threshold=-5 is outside 0..100 for percentage metric"
                        + " CPUUtilization (rule cpu-high)"));
    }

    /** The spellings people write for true opt out; anything that is neither true nor false is a problem, not ignored. */
    @Test
    void theOptOutTagTakesTheSpellingsUsersWriteAndAnythingElseIsAProblem() {
        for (String yes : List.of("true", "True", "yes", "YES", "1", "on", " y ")) {
            DesiredState state = state(Fixtures.withTags(Fixtures.memcached("old", 1), Map.of("cachewatch:ignore", yes)));
            assertThat(state.alarms()).as(yes).isEmpty();
            assertThat(state.problems()).as(yes).isEmpty();
        }
        for (String no : List.of("false", "No", "0", "off")) {
            assertThat(state(Fixtures.withTags(Fixtures.memcached("kept", 1), Map.of("cachewatch:ignore", no))).alarms()).as(no).isNotEmpty();
        }
        Cluster unclear = Fixtures.withTags(Fixtures.memcached("unclear", 1), Map.of("cachewatch:ignore", "maybe"));
        DesiredState state = state(unclear);
        assertThat(state.alarms()).isEmpty();
        assertThat(state.heldClusters()).containsExactly(unclear.ref());
        assertThat(state.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("tag cachewatch:ignore='maybe' is neither true (true, yes, y, 1, on) nor false (false, no, n, 0, off)"));
    }

    /** AWS keeps replication group and cache cluster ids apart: both may be {@code orders}, and both get their alarms. */
    @Test
    void aReplicationGroupAndACacheClusterOfOneIdAreNamedAndOwnedApart() {
        DesiredState state = state(Fixtures.redisReplicationGroup("orders", 1, Map.of()), Fixtures.redisSingleNode("orders", "cache.t4g.small", 2));
        assertThat(state.problems()).isEmpty();
        assertThat(state.alarms()).extracting(DesiredAlarm::name).doesNotHaveDuplicates()
                .contains("cachewatch-elasticache/orders/slow-commands", "cachewatch-cachecluster/orders/slow-commands",
                        "cachewatch-cachecluster/orders/0001/cpu-high", "cachewatch-elasticache/orders-001/0001/cpu-high");
        assertThat(alarm(state, "cachewatch-cachecluster/orders/slow-commands").spec().description())
                .endsWith("[cachewatch region=us-east-1 kind=cachecluster cluster=orders node=- rule=slow-commands profile=default]");
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
        assertThat(bad.heldClusters()).extracting(ClusterRef::id).containsExactlyInAnyOrder("typo", "nan", "nope");
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
