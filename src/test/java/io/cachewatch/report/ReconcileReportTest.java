package io.cachewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.alarm.AlarmDescription;
import io.cachewatch.alarm.AlarmOwner;
import io.cachewatch.alarm.AlarmSpec;
import io.cachewatch.alarm.AlarmSummary;
import io.cachewatch.alarm.Comparison;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.alarm.Dimension;
import io.cachewatch.alarm.TreatMissingData;
import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.FieldDiff;
import io.cachewatch.plan.Held;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.plan.Outcome;
import io.cachewatch.plan.Skip;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReconcileReportTest {
    private static final ClusterRef ORDERS = new ClusterRef("elasticache", "orders");
    private static final AlarmOwner OWNER = new AlarmOwner("us-east-1", ORDERS, "orders-001/0001", "cpu-high", "default");

    private static AlarmSpec spec(double threshold) {
        return new AlarmSpec("AWS/ElastiCache", "EngineCPUUtilization", List.of(new Dimension("CacheClusterId", "orders-001")),
                "Average", 60, 5, 5, Comparison.GREATER_THAN, threshold, TreatMissingData.missing, AlarmDescription.render(OWNER, null),
                true, List.of(), List.of());
    }

    private static final DesiredAlarm WANTED = new DesiredAlarm("cachewatch-elasticache/orders-001/0001/cpu-high", spec(95), OWNER, "critical", Map.of());
    private static final Change<DesiredAlarm> UPDATE = new Change<>(Action.UPDATE, "alarm", "us-east-1", WANTED.name(), ORDERS,
            "orders-001/0001", "cpu-high", List.of(new FieldDiff("threshold", 80.0, 95.0)), null, WANTED);
    private static final Change<DesiredAlarm> CREATE = new Change<>(Action.CREATE, "alarm", "us-east-1",
            "cachewatch-elasticache/orders-002/0001/cpu-high", ORDERS, "orders-002/0001", "cpu-high", List.of(),
            AlarmSummary.describe(spec(80)) + " critical", WANTED);
    private static final KindPlan<DesiredAlarm> PLAN = new KindPlan<>("alarm", "us-east-1", List.of(UPDATE, CREATE), 7, 8,
            List.of(new Held("alarm", "us-east-1", "cachewatch-x", "no owner")), List.of());
    private static final List<Skip> SKIPS = List.of(new Skip("us-east-1", "cache", "cache", "ecpu-high", "no limit"));

    private static ReconcileReport report(RunMode mode, List<Outcome> outcomes, List<String> refusals) {
        return new ReconcileReport(mode, List.of(PLAN), outcomes, List.of(), SKIPS, refusals, new TreeMap<>(Map.of("CloudWatch.DescribeAlarms", 1L)));
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report(RunMode.APPLY,
                List.of(Outcome.ok(UPDATE), Outcome.failed(CREATE, "Throttling")), List.of())));
        assertThat(json.at("/summary").toString()).isEqualTo("{\"create\":1,\"update\":1,\"delete\":0,\"unchanged\":7,\"failed\":1}");
        JsonNode update = json.at("/changes/0");
        assertThat(update.get("action").asText()).isEqualTo("update");
        assertThat(update.get("kind").asText()).isEqualTo("alarm");
        assertThat(update.get("cluster").asText()).isEqualTo("orders");
        assertThat(update.get("clusterKind").asText()).isEqualTo("elasticache");
        assertThat(update.get("node").asText()).isEqualTo("orders-001/0001");
        assertThat(update.get("rule").asText()).isEqualTo("cpu-high");
        assertThat(update.at("/diff").toString()).isEqualTo("{\"threshold\":{\"from\":80,\"to\":95}}");
        assertThat(update.get("status").asText()).isEqualTo("applied");
        assertThat(json.at("/changes/1/status").asText()).isEqualTo("failed");
        assertThat(json.at("/changes/1/diff/summary").asText()).isEqualTo("EngineCPUUtilization Average > 80 for 5/5 × 60s critical");
        assertThat(json.at("/errors/0/message").asText()).contains("Throttling");
        assertThat(json.at("/errors/0/source").asText()).isEqualTo("alarms");
        assertThat(json.at("/skipped/0/rule").asText()).isEqualTo("ecpu-high");
        assertThat(json.at("/held/0/name").asText()).isEqualTo("cachewatch-x");
        assertThat(json.at("/held/0/kind").asText()).isEqualTo("alarm");
        assertThat(json.at("/apiCalls/CloudWatch.DescribeAlarms").asInt()).isEqualTo(1);
    }

    @Test
    void textReadsLikeAPlan() {
        String text = TextReport.render(report(RunMode.DRY_RUN, List.of(), List.of()));
        assertThat(text).contains("Alarms us-east-1\n  cluster orders\n")
                .contains("    ~ cachewatch-elasticache/orders-001/0001/cpu-high\n        threshold 80 → 95\n")
                .contains("    + cachewatch-elasticache/orders-002/0001/cpu-high  EngineCPUUtilization Average > 80 for 5/5 × 60s critical")
                .contains("kept cachewatch-x: no owner")
                .contains("skipped ecpu-high on cache: no limit")
                .endsWith("Plan: 1 to create, 1 to update, 0 to delete, 7 unchanged, 0 failed.\n");
    }

    @Test
    void byteThresholdsShowABinaryUnit() {
        AlarmSpec swap = new AlarmSpec("AWS/ElastiCache", "SwapUsage", List.of(), "Average", 60, 5, 5, Comparison.GREATER_THAN,
                50 * 1024 * 1024, TreatMissingData.missing, "", true, List.of(), List.of());
        assertThat(AlarmSummary.describe(swap)).isEqualTo("SwapUsage Average > 52428800 (50 MiB) for 5/5 × 60s");
        assertThat(AlarmSummary.binary(1.5 * 1024 * 1024 * 1024)).isEqualTo("1.5 GiB");
        assertThat(AlarmSummary.describe(spec(80))).isEqualTo("EngineCPUUtilization Average > 80 for 5/5 × 60s");
    }

    @Test
    void exitCodesTellTheTruth() {
        assertThat(report(RunMode.APPLY, List.of(Outcome.ok(UPDATE), Outcome.ok(CREATE)), List.of()).exitCode()).isZero();
        assertThat(report(RunMode.APPLY, List.of(Outcome.failed(CREATE, "x")), List.of()).exitCode()).isEqualTo(1);
        assertThat(report(RunMode.CHECK, List.of(), List.of()).exitCode()).isEqualTo(2);
        assertThat(report(RunMode.DRY_RUN, List.of(), List.of()).exitCode()).isZero();
        assertThat(report(RunMode.APPLY, List.of(), List.of("region us-east-1: too many")).exitCode()).isEqualTo(3);
        assertThat(ReconcileReport.failed(RunMode.CHECK, List.of(new ReportError("discovery", "r", null, "denied"))).exitCode()).isEqualTo(1);
    }

    @Test
    void dashboardChangesAreChangesOfKindDashboardAndCountEverywhere() throws Exception {
        Change<Object> change = new Change<>(Action.UPDATE, "dashboard", "us-east-1", "cachewatch-us-east-1-elasticache-orders",
                ORDERS, null, null, List.of(), "1 widget changed (Engine CPU (%))", new Object());
        KindPlan<Object> dashboards = new KindPlan<>("dashboard", "us-east-1", List.of(change), 5, 6, List.of(), List.of());
        ReconcileReport report = new ReconcileReport(RunMode.CHECK, List.of(PLAN, dashboards), List.of(), List.of(), List.of(), List.of(),
                new TreeMap<>());

        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        assertThat(json.at("/summary").toString()).isEqualTo("{\"create\":1,\"update\":2,\"delete\":0,\"unchanged\":12,\"failed\":0}");
        assertThat(json.at("/changes/2").toString()).isEqualTo("{\"action\":\"update\",\"kind\":\"dashboard\",\"region\":\"us-east-1\","
                + "\"name\":\"cachewatch-us-east-1-elasticache-orders\",\"cluster\":\"orders\",\"clusterKind\":\"elasticache\",\"node\":null,\"rule\":null,"
                + "\"diff\":{\"summary\":\"1 widget changed (Engine CPU (%))\"},\"status\":\"planned\"}");
        assertThat(TextReport.render(report)).contains("Dashboards us-east-1\n  cluster orders\n    ~ cachewatch-us-east-1-elasticache-orders  1 widget changed (Engine CPU (%))\n");
        assertThat(report.exitCode()).isEqualTo(ReconcileReport.EXIT_DRIFT);

        KindPlan<Object> inSync = new KindPlan<>("dashboard", "us-east-1", List.of(), 6, 6, List.of(), List.of());
        ReconcileReport onlyDashboards = new ReconcileReport(RunMode.CHECK, List.of(inSync), List.of(), List.of(), List.of(), List.of(),
                new TreeMap<>());
        assertThat(onlyDashboards.exitCode()).isZero();
        assertThat(TextReport.render(onlyDashboards)).contains("  no changes (6 dashboards in sync)");
    }

    /** A standalone cache cluster beside a replication group of the same id is told apart in both outputs. */
    @Test
    void aCacheClusterIsToldApartFromAReplicationGroupOfTheSameId() throws Exception {
        ClusterRef standalone = new ClusterRef(ClusterRef.CACHE_CLUSTER, "orders");
        Change<Object> create = new Change<>(Action.CREATE, "dashboard", "us-east-1", "cachewatch-us-east-1-cachecluster-orders",
                standalone, null, null, List.of(), "9 widgets", new Object());
        ReconcileReport report = new ReconcileReport(RunMode.CHECK,
                List.of(new KindPlan<>("dashboard", "us-east-1", List.of(create), 0, 0, List.of(), List.of())), List.of(), List.of(),
                List.of(), List.of(), new TreeMap<>());
        assertThat(new ObjectMapper().readTree(JsonReport.render(report)).at("/changes/0/clusterKind").asText()).isEqualTo("cachecluster");
        assertThat(TextReport.render(report)).contains("  cluster orders (cache cluster)\n");
    }
}
