package io.cachewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CliTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The reconcile contract end to end: the packaged jar as a separate process, moto for ElastiCache and MemoryDB, and
 * moto's CloudWatch behind the CBOR bridge.
 */
class ReconcileCliIT extends CliTestBase {
    /** Alarms the default profile gives the demo fleet (see DemoFleet.seedStandard): 21 + 24 + 15 + 6 + 28. */
    private static final int DEMO_ALARMS = 98;
    /** One dashboard per demo cluster (5) and the region's fleet overview; reconciled by default with the alarms. */
    private static final int DEMO_DASHBOARDS = 6;

    private Map<String, MetricAlarm> alarms() {
        return cloudWatch.describeAlarmsPaginator(b -> b.maxRecords(100)).metricAlarms().stream()
                .collect(Collectors.toMap(MetricAlarm::alarmName, a -> a));
    }

    @Test
    void firstRunCreatesTheDefaultAlarmsWithCloudWatchsDimensionsAndTheSecondRunChangesNothing() {
        JsonNode first = reconcileJson();
        assertThat(first.get("_exit").asInt()).as(first.toString()).isZero();
        assertThat(first.at("/summary/create").asInt()).isEqualTo(DEMO_ALARMS + DEMO_DASHBOARDS);
        assertThat(first.at("/summary/failed").asInt()).isZero();
        Map<String, MetricAlarm> alarms = alarms();
        assertThat(alarms).hasSize(DEMO_ALARMS);

        MetricAlarm replicaCpu = alarms.get("cachewatch-elasticache/orders-002/0001/cpu-high");
        assertThat(replicaCpu.namespace()).isEqualTo("AWS/ElastiCache");
        assertThat(replicaCpu.metricName()).isEqualTo("EngineCPUUtilization");
        assertThat(replicaCpu.dimensions()).extracting(d -> d.name() + "=" + d.value())
                .containsExactlyInAnyOrder("CacheClusterId=orders-002", "CacheNodeId=0001");
        assertThat(replicaCpu.threshold()).isEqualTo(70.0); // Environment=production selects the production profile
        assertThat(replicaCpu.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
        MetricAlarm shardLag = alarms.get("cachewatch-elasticache/feed-0002-002/0001/replication-lag");
        assertThat(shardLag.dimensions()).extracting(d -> d.name() + "=" + d.value())
                .containsExactlyInAnyOrder("CacheClusterId=feed-0002-002", "CacheNodeId=0001");
        MetricAlarm memcachedNode = alarms.get("cachewatch-cachecluster/sessions-mc/0003/memory-low");
        assertThat(memcachedNode.metricName()).isEqualTo("FreeableMemory");
        MetricAlarm memoryDbEvictions = alarms.get("cachewatch-memorydb/ledger/ledger-0001-002/evictions");
        assertThat(memoryDbEvictions.namespace()).isEqualTo("AWS/MemoryDB");
        assertThat(memoryDbEvictions.statistic()).isEqualTo(Statistic.SUM);
        assertThat(memoryDbEvictions.dimensions()).extracting(d -> d.name() + "=" + d.value())
                .containsExactlyInAnyOrder("ClusterName=ledger", "NodeName=ledger-0001-002");
        assertThat(alarms.keySet()).noneMatch(n -> n.startsWith("cachewatch-cachecluster/solo/") && n.endsWith("replication-lag"));
        assertThat(alarms.get("cachewatch-cachecluster/solo/0001/cpu-high").alarmDescription())
                .endsWith("[cachewatch region=us-east-1 kind=cachecluster cluster=solo node=solo/0001 rule=cpu-high profile=default]");

        bridge.calls().reset();
        JsonNode second = reconcileJson();
        assertThat(second.get("_exit").asInt()).isZero();
        assertThat(second.at("/summary").toString()).isEqualTo(
                "{\"create\":0,\"update\":0,\"delete\":0,\"unchanged\":" + (DEMO_ALARMS + DEMO_DASHBOARDS) + ",\"failed\":0}");
        assertThat(second.at("/apiCalls").has("CloudWatch.PutMetricAlarm")).isFalse();
        assertThat(second.at("/apiCalls").has("CloudWatch.PutDashboard")).isFalse();
        assertThat(second.at("/apiCalls").has("CloudWatch.DeleteAlarms")).isFalse();
        assertThat(second.at("/apiCalls/CloudWatch.DescribeAlarms").asInt()).isEqualTo(1);
    }

    @Test
    void driftIsFoundByCheckAndCorrectedByReconcile() {
        assertThat(reconcileJson().get("_exit").asInt()).isZero();
        MetricAlarm cpu = alarms().get("cachewatch-memorydb/ledger/ledger-0001-001/cpu-high");
        cloudWatch.putMetricAlarm(b -> b.alarmName(cpu.alarmName()).namespace(cpu.namespace()).metricName(cpu.metricName())
                .dimensions(cpu.dimensions()).statistic(cpu.statistic()).period(cpu.period()).evaluationPeriods(cpu.evaluationPeriods())
                .datapointsToAlarm(cpu.datapointsToAlarm()).comparisonOperator(cpu.comparisonOperator()).threshold(99.0)
                .alarmDescription(cpu.alarmDescription()).alarmActions(cpu.alarmActions()).okActions(cpu.okActions())
                .treatMissingData(cpu.treatMissingData()));

        JsonNode check = reconcileJson("--check");
        assertThat(check.get("_exit").asInt()).isEqualTo(2);
        assertThat(check.at("/summary/update").asInt()).isEqualTo(1);
        assertThat(check.at("/changes/0/name").asText()).isEqualTo(cpu.alarmName());
        assertThat(check.at("/changes/0/diff/threshold").toString()).isEqualTo("{\"from\":99,\"to\":80}");
        assertThat(alarms().get(cpu.alarmName()).threshold()).isEqualTo(99.0);

        JsonNode fix = reconcileJson();
        assertThat(fix.get("_exit").asInt()).isZero();
        assertThat(fix.at("/changes/0/status").asText()).isEqualTo("applied");
        assertThat(alarms().get(cpu.alarmName()).threshold()).isEqualTo(80.0);
        assertThat(reconcileJson("--check").get("_exit").asInt()).isZero();
    }

    @Test
    void alarmsOutsideThePrefixAreNeverTouched() {
        cloudWatch.putMetricAlarm(b -> b.alarmName("team-orders-cpu").namespace("AWS/ElastiCache").metricName("CPUUtilization")
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(1).threshold(12.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        assertThat(reconcileJson().get("_exit").asInt()).isZero();
        assertThat(alarms().get("team-orders-cpu").threshold()).isEqualTo(12.0);
        assertThat(reconcileJson().at("/changes")).isEmpty();
        assertThat(alarms()).containsKey("team-orders-cpu");
    }

    @Test
    void alarmsOfDeletedAndOptedOutClustersAreDeleted() {
        assertThat(reconcileJson().get("_exit").asInt()).isZero();
        fleet.elastiCache().deleteCacheCluster(b -> b.cacheClusterId("sessions-mc"));
        String soloArn = fleet.elastiCache().describeCacheClusters(b -> b.cacheClusterId("solo")).cacheClusters().get(0).arn();
        fleet.tag(soloArn, "cachewatch:ignore", "true");

        // alarms only: two of six dashboards would trip the dashboards' own mass-delete guard (DashboardsCliIT covers them)
        JsonNode run = reconcileJson("--only", "alarms");
        assertThat(run.get("_exit").asInt()).as(run.toString()).isZero();
        assertThat(run.at("/summary/delete").asInt()).isEqualTo(15 + 7); // solo: 6 node alarms and slow-commands
        assertThat(alarms().keySet()).noneMatch(n -> n.contains("/sessions-mc/") || n.contains("/solo/")).hasSize(DEMO_ALARMS - 22);
    }

    /**
     * {@code cachewatch:memory-high.threshold=150} on a percentage metric used to turn the rule into a skip and delete
     * the cluster's alarms with exit 0. Now the cluster is a problem cluster: its alarms and dashboard stay exactly as
     * they are, the error names the cluster and the tag, and the exit code is 1 (so {@code --check} is not green).
     */
    @Test
    void anImpossibleThresholdTagKeepsTheClustersAlarmsAndDashboardAndExits1() {
        assertThat(reconcileJson().get("_exit").asInt()).isZero();
        Map<String, MetricAlarm> before = alarms();
        String ordersArn = fleet.elastiCache().describeReplicationGroups(b -> b.replicationGroupId("orders")).replicationGroups().get(0).arn();
        fleet.tag(ordersArn, "cachewatch:memory-high.threshold", "150");

        JsonNode run = reconcileJson();
        assertThat(run.get("_exit").asInt()).as(run.toString()).isEqualTo(1);
        assertThat(run.at("/changes")).isEmpty();
        assertThat(run.at("/skipped")).isEmpty();
        assertThat(run.at("/errors")).singleElement().satisfies(e -> {
            assertThat(e.path("source").asText()).isEqualTo("cluster");
            assertThat(e.path("cluster").asText()).isEqualTo("orders");
            assertThat(e.path("message").asText()).isEqualTo("tag cachewatch:memory-high.threshold=150 is outside 0..100 for percentage"
                    + " metric DatabaseMemoryUsagePercentage (rule memory-high)");
        });
        assertThat(run.at("/held").toString()).contains("cachewatch-elasticache/orders-001/0001/memory-high", "cachewatch-us-east-1-elasticache-orders");
        assertThat(alarms()).isEqualTo(before);
        assertThat(reconcileJson("--check").get("_exit").asInt()).isEqualTo(1);
    }

    /**
     * AWS keeps replication group and cache cluster ids apart: a standalone cache cluster {@code orders} beside the
     * replication group {@code orders} used to make a name "wanted twice" (exit 1 every run) and share one dashboard.
     */
    @Test
    void aReplicationGroupAndACacheClusterOfTheSameIdEachGetTheirOwnAlarmsAndDashboard() {
        fleet.redisSingleNode("orders", "cache.t3.micro");
        JsonNode first = reconcileJson();
        assertThat(first.get("_exit").asInt()).as(first.toString()).isZero();
        assertThat(alarms()).containsKeys("cachewatch-elasticache/orders/slow-commands", "cachewatch-cachecluster/orders/slow-commands",
                "cachewatch-elasticache/orders-001/0001/cpu-high", "cachewatch-cachecluster/orders/0001/cpu-high");
        assertThat(cloudWatch.listDashboards(b -> b.dashboardNamePrefix("cachewatch-us-east-1-")).dashboardEntries())
                .extracting(d -> d.dashboardName())
                .contains("cachewatch-us-east-1-elasticache-orders", "cachewatch-us-east-1-cachecluster-orders");
        JsonNode second = reconcileJson();
        assertThat(second.get("_exit").asInt()).as(second.toString()).isZero();
        assertThat(second.at("/changes")).isEmpty();
    }

    /**
     * The upgrade: alarms and dashboards of a standalone cache cluster named {@code elasticache} by an earlier version,
     * their owner lines without a kind, are replaced in one plan, the new ones created before the old ones go.
     */
    @Test
    void namesOfAnEarlierVersionAreReplacedInOnePlanCreatesFirst() {
        assertThat(reconcileJson().get("_exit").asInt()).isZero();
        for (MetricAlarm alarm : alarms().values()) {
            if (alarm.alarmName().startsWith("cachewatch-cachecluster/solo/")) {
                String old = alarm.alarmName().replace("cachewatch-cachecluster/", "cachewatch-elasticache/");
                cloudWatch.putMetricAlarm(b -> b.alarmName(old).namespace(alarm.namespace()).metricName(alarm.metricName())
                        .dimensions(alarm.dimensions()).statistic(alarm.statistic()).period(alarm.period())
                        .evaluationPeriods(alarm.evaluationPeriods()).datapointsToAlarm(alarm.datapointsToAlarm())
                        .comparisonOperator(alarm.comparisonOperator()).threshold(alarm.threshold())
                        .alarmDescription(alarm.alarmDescription().replace(" kind=cachecluster", "")).treatMissingData(alarm.treatMissingData()));
                cloudWatch.deleteAlarms(b -> b.alarmNames(alarm.alarmName()));
            }
        }
        assertThat(alarms().keySet()).filteredOn(n -> n.startsWith("cachewatch-elasticache/solo/")).hasSize(7);

        bridge.calls().reset();
        JsonNode upgrade = reconcileJson("--only", "alarms");
        assertThat(upgrade.get("_exit").asInt()).as(upgrade.toString()).isZero();
        assertThat(upgrade.at("/summary/create").asInt()).isEqualTo(7);
        assertThat(upgrade.at("/summary/delete").asInt()).isEqualTo(7);
        assertThat(upgrade.at("/held")).isEmpty();
        assertThat(alarms().keySet()).noneMatch(n -> n.startsWith("cachewatch-elasticache/solo/"))
                .filteredOn(n -> n.startsWith("cachewatch-cachecluster/solo/")).hasSize(7);
        List<String> writes = bridge.calls().operations().stream().filter(op -> !op.equals("DescribeAlarms")).toList();
        assertThat(writes.lastIndexOf("PutMetricAlarm")).isLessThan(writes.indexOf("DeleteAlarms"));
        assertThat(reconcileJson("--check").get("_exit").asInt()).isZero();
    }

    @Test
    void aFailedDiscoveryDeletesNothing() {
        assertThat(reconcileJson().get("_exit").asInt()).isZero();
        fleet.elastiCache().deleteCacheCluster(b -> b.cacheClusterId("sessions-mc"));
        // moto does not implement DescribeServerlessCaches: turning serverless discovery on makes the region incomplete
        cachewatch.env("CACHEWATCH_DISCOVERY_KINDS", "elasticache,serverless,memorydb");

        JsonNode run = reconcileJson();
        assertThat(run.get("_exit").asInt()).isEqualTo(1);
        assertThat(run.at("/summary/delete").asInt()).isZero();
        assertThat(run.at("/held")).hasSize(15 + 1); // sessions-mc's alarms and its dashboard
        assertThat(run.at("/errors/0/source").asText()).isEqualTo("discovery");
        assertThat(alarms()).hasSize(DEMO_ALARMS);
    }

    @Test
    void aMassDeleteIsRefusedUnlessAllowed() {
        assertThat(reconcileJson().get("_exit").asInt()).isZero();
        fleet.memoryDb().deleteCluster(b -> b.clusterName("ledger"));
        fleet.elastiCache().deleteCacheCluster(b -> b.cacheClusterId("sessions-mc"));

        JsonNode refused = reconcileJson();
        assertThat(refused.get("_exit").asInt()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.at("/refused/0").asText()).contains("44 of 98 managed alarms");
        assertThat(refused.at("/refused/1").asText()).contains("2 of 6 managed dashboards");
        assertThat(refused.at("/changes/0/status").asText()).isEqualTo("planned");
        assertThat(alarms()).hasSize(DEMO_ALARMS);

        JsonNode allowed = reconcileJson("--allow-mass-delete");
        assertThat(allowed.get("_exit").asInt()).isZero();
        assertThat(alarms()).hasSize(DEMO_ALARMS - 44);
    }

    @Test
    void anInventoryFilePlansWithoutCallingElastiCacheOrMemoryDb(@TempDir Path dir) throws Exception {
        CachewatchJar.Result discover = cachewatch.run("discover", "--output", "json");
        assertThat(discover.exitCode()).as(discover.toString()).isZero();
        Path file = dir.resolve("inventory.json");
        Files.writeString(file, discover.stdout());

        cachewatch.env("AWS_ENDPOINT_URL_ELASTICACHE", "http://127.0.0.1:9").env("AWS_ENDPOINT_URL_MEMORYDB", "http://127.0.0.1:9");
        JsonNode plan = reconcileJson("--inventory", file.toString());
        assertThat(plan.get("_exit").asInt()).as(plan.toString()).isZero();
        assertThat(plan.at("/summary/create").asInt()).isEqualTo(DEMO_ALARMS + DEMO_DASHBOARDS);
        // CloudWatch only, and only reads: no dashboard exists yet, so there is nothing to GetDashboard
        assertThat(plan.at("/apiCalls").fieldNames()).toIterable().containsExactly("CloudWatch.DescribeAlarms", "CloudWatch.ListDashboards");
        JsonNode alarmsOnly = reconcileJson("--inventory", file.toString(), "--only", "alarms");
        assertThat(alarmsOnly.at("/apiCalls").fieldNames()).toIterable().containsExactly("CloudWatch.DescribeAlarms");
        assertThat(alarms()).isEmpty();
    }

    @Test
    void textOutputReadsLikeAPlan() {
        CachewatchJar.Result result = cachewatch.run("reconcile", "--dry-run");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("Alarms us-east-1", "  cluster ledger", "    + cachewatch-memorydb/ledger/ledger-0001-001/cpu-high",
                        "Dashboards us-east-1", "  cluster ledger\n    + cachewatch-us-east-1-memorydb-ledger  10 widgets, 28 metrics, template memorydb",
                        "  cluster solo (cache cluster)\n")
                .endsWith("Plan: " + (DEMO_ALARMS + DEMO_DASHBOARDS) + " to create, 0 to update, 0 to delete, 0 unchanged, 0 failed.\n");
        assertThat(alarms()).isEmpty();
    }

    @Test
    void invalidProfilesFailBeforeAnyAwsCall(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("default.yaml"), "rules:\n  - id: cpu-high\n    kind: elasticache\n    metric: EngineCPUUtilisation\n"
                + "    comparison: '>'\n    threshold: 80\n    severity: critical\n");
        bridge.calls().reset();
        CachewatchJar.Result result = cachewatch.run("reconcile", "--profiles", dir.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("default.yaml:4").contains("EngineCPUUtilisation");
        assertThat(bridge.calls().total()).isZero();

        CachewatchJar.Result validate = cachewatch.run("validate", "--profiles", dir.toString());
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.stderr()).contains("default.yaml:4: rules[0].metric");
        assertThat(cachewatch.run("validate").exitCode()).isZero();
    }

    @Test
    void usageErrorsExit64() {
        CachewatchJar.Result result = cachewatch.run("reconcile", "--output", "xml");
        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.stderr()).contains("--output");
        assertThat(cachewatch.run("reconcile", "--no-such-flag").exitCode()).isEqualTo(64);
        bridge.calls().reset();
        CachewatchJar.Result badShare = cachewatch.env("CACHEWATCH_SAFETY_MAX_DELETE_SHARE", "25").run("reconcile");
        assertThat(badShare.exitCode()).isEqualTo(64);
        assertThat(badShare.stderr()).contains("cachewatch.safety.max-delete-share=25", "from 0 to 1");
        assertThat(bridge.calls().total()).isZero();
        CachewatchJar.Result badRate = cachewatch.env("CACHEWATCH_SAFETY_MAX_DELETE_SHARE", "0.25")
                .env("CACHEWATCH_RATES_PUT_METRIC_ALARM", "0").run("reconcile");
        assertThat(badRate.exitCode()).as(badRate.toString()).isEqualTo(64);
        assertThat(badRate.stderr()).contains("cachewatch.rates.put-metric-alarm=0", "greater than 0");
        assertThat(bridge.calls().total()).isZero();
    }

    @Test
    void discoverPrintsTheInventoryAsText() {
        CachewatchJar.Result result = cachewatch.run("discover");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("elasticache orders", "orders-002/0001 replica", "memorydb ledger", "ledger-0002-002",
                "cachecluster sessions-mc", "sessions-mc/0003");
        assertThat(List.of(result.stderr().split("\n"))).noneMatch(l -> l.contains("ERROR"));
    }
}
