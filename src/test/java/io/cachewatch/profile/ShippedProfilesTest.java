package io.cachewatch.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cachewatch.alarm.Comparison;
import io.cachewatch.alarm.TreatMissingData;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profiles shipped in {@code alarm-profiles/} and the published schema. */
class ShippedProfilesTest {
    private static final Path DIR = Path.of("alarm-profiles");
    private static final double MIB = 1024 * 1024;
    private static final EnumSet<ClusterKind> NODE_BASED = EnumSet.of(ClusterKind.ELASTICACHE, ClusterKind.MEMORYDB);
    private static final EnumSet<Engine> REDIS_LIKE = EnumSet.of(Engine.REDIS, Engine.VALKEY);
    private static final EnumSet<Engine> ALL = EnumSet.allOf(Engine.class);

    @Test
    void shippedDirectoryValidates() {
        ProfileCatalog catalog = ProfileCatalog.load(DIR);
        assertThat(catalog.names()).containsExactly("default", "development", "production");
    }

    @Test
    void defaultProfileIsTheStandardSet() {
        List<AlarmRule> rules = ProfileCatalog.load(DIR).get("default").rules();
        assertThat(rules).extracting(AlarmRule::id, r -> r.appliesTo().kinds(), r -> r.appliesTo().engines(), r -> r.appliesTo().scope(),
                        AlarmRule::metric, AlarmRule::statistic, AlarmRule::period, AlarmRule::datapointsToAlarm,
                        AlarmRule::evaluationPeriods, AlarmRule::comparison, r -> r.threshold().text(), AlarmRule::severity)
                .containsExactly(
                        tuple("cpu-high", NODE_BASED, REDIS_LIKE, Scope.NODE, "EngineCPUUtilization", "Average", 60, 5, 5, Comparison.GREATER_THAN, "80", "critical"),
                        tuple("host-cpu-high", NODE_BASED, REDIS_LIKE, Scope.NODE, "CPUUtilization", "Average", 60, 5, 5, Comparison.GREATER_THAN, "90 / vcpus", "warning"),
                        tuple("cpu-high", EnumSet.of(ClusterKind.ELASTICACHE), EnumSet.of(Engine.MEMCACHED), Scope.NODE, "CPUUtilization", "Average", 60, 5, 5, Comparison.GREATER_THAN, "80", "critical"),
                        tuple("memory-high", NODE_BASED, REDIS_LIKE, Scope.NODE, "DatabaseMemoryUsagePercentage", "Average", 60, 5, 5, Comparison.GREATER_THAN, "80", "critical"),
                        tuple("memory-low", EnumSet.of(ClusterKind.ELASTICACHE), EnumSet.of(Engine.MEMCACHED), Scope.NODE, "FreeableMemory", "Average", 60, 5, 5, Comparison.LESS_THAN, "100 * MiB", "critical"),
                        tuple("swap-high", NODE_BASED, ALL, Scope.NODE, "SwapUsage", "Average", 60, 5, 5, Comparison.GREATER_THAN, "50 * MiB", "warning"),
                        tuple("evictions", EnumSet.of(ClusterKind.ELASTICACHE), ALL, Scope.NODE, "Evictions", "Sum", 300, 1, 1, Comparison.GREATER_THAN, "1000", "warning"),
                        tuple("evictions", EnumSet.of(ClusterKind.MEMORYDB), ALL, Scope.NODE, "Evictions", "Sum", 300, 1, 1, Comparison.GREATER_THAN, "0", "critical"),
                        tuple("replication-lag", NODE_BASED, REDIS_LIKE, Scope.NODE, "ReplicationLag", "Average", 60, 15, 15, Comparison.GREATER_THAN, "30", "critical"),
                        tuple("slow-commands", NODE_BASED, REDIS_LIKE, Scope.CLUSTER, "SlowCommands", "Sum", 300, 1, 1, Comparison.GREATER_THAN, "100", "warning"),
                        tuple("connections-high", NODE_BASED, ALL, Scope.NODE, "CurrConnections", "Average", 60, 10, 10, Comparison.GREATER_THAN, "50000", "warning"),
                        tuple("ecpu-high", EnumSet.of(ClusterKind.SERVERLESS), ALL, Scope.CLUSTER, "ElastiCacheProcessingUnits", "Average", 60, 5, 5, Comparison.GREATER_THAN, "0.8 * ecpu_per_second_max", "critical"),
                        tuple("storage-high", EnumSet.of(ClusterKind.SERVERLESS), ALL, Scope.CLUSTER, "BytesUsedForCache", "Average", 60, 5, 5, Comparison.GREATER_THAN, "0.8 * storage_max_bytes", "critical"),
                        tuple("throttled", EnumSet.of(ClusterKind.SERVERLESS), ALL, Scope.CLUSTER, "ThrottledCmds", "Sum", 60, 5, 5, Comparison.GREATER_THAN, "0", "warning"),
                        tuple("connections-high", EnumSet.of(ClusterKind.SERVERLESS), ALL, Scope.CLUSTER, "CurrConnections", "Average", 60, 10, 10, Comparison.GREATER_THAN, "50000", "warning"));
    }

    @Test
    void defaultProfileDetails() {
        Map<String, AlarmRule> byId = new java.util.HashMap<>();
        ProfileCatalog.load(DIR).get("default").rules().forEach(r -> byId.putIfAbsent(r.id(), r));
        assertThat(byId.get("memory-low").threshold().evaluate(Map.of()).getAsDouble()).isEqualTo(100 * MIB);
        assertThat(byId.get("swap-high").threshold().evaluate(Map.of()).getAsDouble()).isEqualTo(50 * MIB);
        assertThat(byId.get("host-cpu-high").appliesTo().when().evaluate(Map.of("vcpus", 2.0))).hasValue(1.0);
        assertThat(byId.get("host-cpu-high").appliesTo().when().evaluate(Map.of("vcpus", 4.0))).hasValue(0.0);
        assertThat(byId.get("host-cpu-high").threshold().evaluate(Map.of("vcpus", 2.0))).hasValue(45.0);
        assertThat(byId.get("replication-lag").appliesTo().replicatedShardsOnly()).isTrue();
        assertThat(byId.get("replication-lag").treatMissingData()).isEqualTo(TreatMissingData.notBreaching);
        assertThat(byId.get("cpu-high").treatMissingData()).isEqualTo(TreatMissingData.missing);
        assertThat(byId.get("slow-commands").namespace()).isEqualTo("cachewatch/SlowLog");
        assertThat(byId.get("slow-commands").treatMissingData()).isEqualTo(TreatMissingData.notBreaching);
        assertThat(byId.get("cpu-high").namespace()).as("the kind's AWS namespace").isNull();
        assertThat(byId.get("ecpu-high").threshold().evaluate(Map.of("ecpu_per_second_max", 1000.0))).hasValue(800.0);
        assertThat(byId.get("ecpu-high").threshold().evaluate(Map.of())).isEmpty();
        assertThat(byId.get("cpu-high").location()).isEqualTo(new SourceLocation(DIR.resolve("default.yaml"), 12));
    }

    @Test
    void productionTightensAndDevelopmentLoosens() {
        ProfileCatalog catalog = ProfileCatalog.load(DIR);
        AlarmProfile production = catalog.get("production");
        assertThat(production.rules()).hasSize(15);
        assertThat(production.rules()).filteredOn(r -> r.id().equals("cpu-high")).extracting(r -> r.threshold().text(), AlarmRule::metric)
                .containsExactly(tuple("70", "EngineCPUUtilization"), tuple("70", "CPUUtilization"));
        assertThat(production.rules()).filteredOn(r -> r.id().equals("memory-high")).extracting(r -> r.threshold().text()).containsExactly("75");
        AlarmProfile development = catalog.get("development");
        assertThat(development.rules()).extracting(AlarmRule::id).doesNotContain("swap-high", "connections-high").hasSize(12);
        assertThat(development.rules()).filteredOn(r -> r.id().equals("evictions")).extracting(r -> r.threshold().text(), AlarmRule::severity)
                .containsExactly(tuple("10000", "warning"), tuple("10000", "warning"));
    }

    @Test
    void publishedSchemaIsTheClasspathSchema() throws Exception {
        byte[] published = Files.readAllBytes(Path.of("docs/alarm-profile.schema.json"));
        byte[] bundled;
        try (var in = SchemaCheck.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
            bundled = in.readAllBytes();
        }
        assertThat(published).isEqualTo(bundled);
    }
}
