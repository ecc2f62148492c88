package io.cachewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmDescription;
import io.cachewatch.alarm.AlarmOwner;
import io.cachewatch.alarm.AlarmSpec;
import io.cachewatch.alarm.Comparison;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.alarm.Dimension;
import io.cachewatch.alarm.Skip;
import io.cachewatch.alarm.TreatMissingData;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.AlarmChange;
import io.cachewatch.plan.ChangeOutcome;
import io.cachewatch.plan.FieldDiff;
import io.cachewatch.plan.HeldAlarm;
import io.cachewatch.plan.RegionPlan;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReconcileReportTest {
    private static final AlarmOwner OWNER = new AlarmOwner("us-east-1", "orders", "orders-001/0001", "cpu-high", "default");

    private static AlarmSpec spec(double threshold) {
        return new AlarmSpec("AWS/ElastiCache", "EngineCPUUtilization", List.of(new Dimension("CacheClusterId", "orders-001")),
                "Average", 60, 5, 5, Comparison.GREATER_THAN, threshold, TreatMissingData.missing, AlarmDescription.render(OWNER, null),
                true, List.of(), List.of());
    }

    private static final DesiredAlarm WANTED = new DesiredAlarm("cachewatch-elasticache/orders-001/0001/cpu-high", spec(95), OWNER, "critical", Map.of());
    private static final AlarmChange UPDATE = new AlarmChange(Action.UPDATE, "us-east-1", WANTED,
            new ActualAlarm(WANTED.name(), spec(80), OWNER), List.of(new FieldDiff("threshold", 80.0, 95.0)));
    private static final AlarmChange CREATE = new AlarmChange(Action.CREATE, "us-east-1",
            new DesiredAlarm("cachewatch-elasticache/orders-002/0001/cpu-high", spec(80), OWNER, "critical", Map.of()), null, List.of());
    private static final RegionPlan PLAN = new RegionPlan("us-east-1", List.of(UPDATE, CREATE), 7, 8,
            List.of(new HeldAlarm("us-east-1", "cachewatch-x", "no owner")),
            List.of(new Skip("us-east-1", "cache", "cache", "ecpu-high", "no limit")), List.of());

    private static ReconcileReport report(RunMode mode, List<ChangeOutcome> outcomes, List<String> refusals) {
        return new ReconcileReport(mode, List.of(PLAN), outcomes, List.of(), refusals, new TreeMap<>(Map.of("CloudWatch.DescribeAlarms", 1L)));
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report(RunMode.APPLY,
                List.of(ChangeOutcome.ok(UPDATE), ChangeOutcome.failed(CREATE, "Throttling")), List.of())));
        assertThat(json.at("/summary").toString()).isEqualTo("{\"create\":1,\"update\":1,\"delete\":0,\"unchanged\":7,\"failed\":1}");
        JsonNode update = json.at("/changes/0");
        assertThat(update.get("action").asText()).isEqualTo("update");
        assertThat(update.get("kind").asText()).isEqualTo("alarm");
        assertThat(update.get("cluster").asText()).isEqualTo("orders");
        assertThat(update.get("node").asText()).isEqualTo("orders-001/0001");
        assertThat(update.get("rule").asText()).isEqualTo("cpu-high");
        assertThat(update.at("/diff/threshold").toString()).isEqualTo("{\"from\":80,\"to\":95}");
        assertThat(update.get("status").asText()).isEqualTo("applied");
        assertThat(json.at("/changes/1/status").asText()).isEqualTo("failed");
        assertThat(json.at("/errors/0/message").asText()).contains("Throttling");
        assertThat(json.at("/skipped/0/rule").asText()).isEqualTo("ecpu-high");
        assertThat(json.at("/held/0/name").asText()).isEqualTo("cachewatch-x");
        assertThat(json.at("/apiCalls/CloudWatch.DescribeAlarms").asInt()).isEqualTo(1);
    }

    @Test
    void textReadsLikeAPlan() {
        String text = TextReport.render(report(RunMode.DRY_RUN, List.of(), List.of()));
        assertThat(text).contains("Region us-east-1\n  cluster orders\n")
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
        assertThat(TextReport.describe(swap)).isEqualTo("SwapUsage Average > 52428800 (50 MiB) for 5/5 × 60s");
        assertThat(TextReport.binary(1.5 * 1024 * 1024 * 1024)).isEqualTo("1.5 GiB");
        assertThat(TextReport.describe(spec(80))).isEqualTo("EngineCPUUtilization Average > 80 for 5/5 × 60s");
    }

    @Test
    void exitCodesTellTheTruth() {
        assertThat(report(RunMode.APPLY, List.of(ChangeOutcome.ok(UPDATE), ChangeOutcome.ok(CREATE)), List.of()).exitCode()).isZero();
        assertThat(report(RunMode.APPLY, List.of(ChangeOutcome.failed(CREATE, "x")), List.of()).exitCode()).isEqualTo(1);
        assertThat(report(RunMode.CHECK, List.of(), List.of()).exitCode()).isEqualTo(2);
        assertThat(report(RunMode.DRY_RUN, List.of(), List.of()).exitCode()).isZero();
        assertThat(report(RunMode.APPLY, List.of(), List.of("region us-east-1: too many")).exitCode()).isEqualTo(3);
        assertThat(new ReconcileReport(RunMode.CHECK, List.of(), List.of(), List.of(new ReportError("discovery", "r", null, "denied")),
                List.of(), new TreeMap<>()).exitCode()).isEqualTo(1);
    }

    @Test
    void dashboardChangesAreChangesOfKindDashboardAndCountEverywhere() throws Exception {
        var change = new io.cachewatch.dashboard.DashboardChange(Action.UPDATE, "us-east-1", "cachewatch-us-east-1-elasticache-orders",
                "orders", "1 widget changed (Engine CPU (%))", new ObjectMapper().createObjectNode());
        var dashboards = new io.cachewatch.dashboard.DashboardPlan("us-east-1", List.of(change), 5, 6, List.of(), List.of());
        ReconcileReport report = new ReconcileReport(RunMode.CHECK, List.of(PLAN), List.of(), List.of(), List.of(), new TreeMap<>(),
                List.of(dashboards), List.of());

        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        assertThat(json.at("/summary").toString()).isEqualTo("{\"create\":1,\"update\":2,\"delete\":0,\"unchanged\":12,\"failed\":0}");
        assertThat(json.at("/changes/2").toString()).isEqualTo("{\"action\":\"update\",\"kind\":\"dashboard\",\"region\":\"us-east-1\","
                + "\"name\":\"cachewatch-us-east-1-elasticache-orders\",\"cluster\":\"orders\",\"node\":null,\"rule\":null,"
                + "\"diff\":{\"summary\":\"1 widget changed (Engine CPU (%))\"},\"status\":\"planned\"}");
        assertThat(TextReport.render(report)).contains("Dashboards us-east-1\n    ~ cachewatch-us-east-1-elasticache-orders  cluster orders: 1 widget changed (Engine CPU (%))\n");
        assertThat(report.exitCode()).isEqualTo(ReconcileReport.EXIT_DRIFT);

        var inSync = new io.cachewatch.dashboard.DashboardPlan("us-east-1", List.of(), 6, 6, List.of(), List.of());
        ReconcileReport onlyDashboards = new ReconcileReport(RunMode.CHECK, List.of(), List.of(), List.of(), List.of(), new TreeMap<>(),
                List.of(inSync), List.of());
        assertThat(onlyDashboards.exitCode()).isZero();
        assertThat(TextReport.render(onlyDashboards)).contains("  no changes (6 dashboards in sync)");
    }
}
