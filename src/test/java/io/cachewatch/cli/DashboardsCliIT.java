package io.cachewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CliTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;

/**
 * The "done when", end to end with the packaged jar: reconcile creates one dashboard per cluster and one fleet
 * dashboard per region whose lines are exactly the nodes' published dimensions; a second run changes nothing; a hand
 * edit is reverted; a deleted cluster's dashboard disappears.
 */
class DashboardsCliIT extends CliTestBase {
    private static final List<String> DASHBOARDS = List.of("cachewatch-us-east-1--fleet", "cachewatch-us-east-1-cachecluster-sessions-mc",
            "cachewatch-us-east-1-cachecluster-solo", "cachewatch-us-east-1-elasticache-feed", "cachewatch-us-east-1-elasticache-orders",
            "cachewatch-us-east-1-memorydb-ledger");

    private List<String> dashboards() {
        return cloudWatch.listDashboards(b -> b.dashboardNamePrefix("cachewatch-")).dashboardEntries().stream()
                .map(DashboardEntry::dashboardName).sorted().toList();
    }

    private JsonNode body(String name) throws Exception {
        return JSON.readTree(cloudWatch.getDashboard(b -> b.dashboardName(name)).dashboardBody());
    }

    private static Set<String> lines(JsonNode widget) {
        Set<String> lines = new TreeSet<>();
        for (JsonNode line : widget.at("/properties/metrics")) {
            lines.add(line.get(2).asText() + "=" + line.get(3).asText() + "," + line.get(4).asText() + "=" + line.get(5).asText());
        }
        return lines;
    }

    private static List<JsonNode> changesOfKind(JsonNode report, String kind) {
        List<JsonNode> out = new ArrayList<>();
        report.at("/changes").forEach(c -> {
            if (c.path("kind").asText().equals(kind)) {
                out.add(c);
            }
        });
        return out;
    }

    @Test
    void createsOnePerClusterAndTheFleetThenChangesNothingThenRevertsAHandEditThenDeletesAGoneClustersDashboard() throws Exception {
        JsonNode first = reconcileJson();
        assertThat(first.get("_exit").asInt()).as(first.toString()).isZero();
        assertThat(changesOfKind(first, "dashboard")).extracting(c -> c.path("name").asText()).containsExactlyInAnyOrderElementsOf(DASHBOARDS);
        assertThat(changesOfKind(first, "dashboard")).allMatch(c -> c.path("status").asText().equals("applied"));
        assertThat(dashboards()).isEqualTo(DASHBOARDS);

        // every line of a node graph is a node, on exactly the dimensions CloudWatch publishes (member cluster + node id)
        JsonNode orders = body("cachewatch-us-east-1-elasticache-orders");
        JsonNode engineCpu = orders.at("/widgets/2");
        assertThat(engineCpu.at("/properties/metrics/0/1").asText()).isEqualTo("EngineCPUUtilization");
        assertThat(lines(engineCpu)).containsExactly("CacheClusterId=orders-001,CacheNodeId=0001",
                "CacheClusterId=orders-002,CacheNodeId=0001", "CacheClusterId=orders-003,CacheNodeId=0001");
        assertThat(engineCpu.at("/properties/annotations/horizontal/0/value").asInt()).isEqualTo(70); // production profile
        assertThat(lines(body("cachewatch-us-east-1-memorydb-ledger").at("/widgets/2"))).containsExactly(
                "ClusterName=ledger,NodeName=ledger-0001-001", "ClusterName=ledger,NodeName=ledger-0001-002",
                "ClusterName=ledger,NodeName=ledger-0002-001", "ClusterName=ledger,NodeName=ledger-0002-002");
        assertThat(orders.at("/widgets/1/properties/alarms/0").asText()).startsWith("arn:aws:cloudwatch:us-east-1:123456789012:alarm:cachewatch-");

        bridge.calls().reset();
        JsonNode second = reconcileJson();
        assertThat(second.get("_exit").asInt()).isZero();
        assertThat(second.at("/changes")).isEmpty();
        assertThat(second.at("/apiCalls").has("CloudWatch.PutDashboard")).isFalse();
        assertThat(second.at("/apiCalls/CloudWatch.GetDashboard").asInt()).isEqualTo(DASHBOARDS.size());
        assertThat(bridge.calls().count("PutDashboard")).isZero();

        ObjectNode edited = (ObjectNode) body("cachewatch-us-east-1-elasticache-feed");
        edited.withArray("widgets").remove(3);
        cloudWatch.putDashboard(b -> b.dashboardName("cachewatch-us-east-1-elasticache-feed").dashboardBody(edited.toString()));
        JsonNode check = reconcileJson("--check");
        assertThat(check.get("_exit").asInt()).isEqualTo(2);
        assertThat(check.at("/summary/update").asInt()).isEqualTo(1);
        assertThat(check.at("/changes/0/kind").asText()).isEqualTo("dashboard");
        assertThat(check.at("/changes/0/diff/summary").asText()).isEqualTo("1 widget added (Host CPU (%))");
        JsonNode fix = reconcileJson();
        assertThat(fix.at("/changes/0/status").asText()).isEqualTo("applied");
        assertThat(reconcileJson("--check").get("_exit").asInt()).isZero();

        fleet.elastiCache().deleteCacheCluster(b -> b.cacheClusterId("sessions-mc"));
        JsonNode gone = reconcileJson();
        assertThat(gone.get("_exit").asInt()).as(gone.toString()).isZero();
        assertThat(changesOfKind(gone, "dashboard")).extracting(c -> c.path("action").asText() + " " + c.path("name").asText())
                .containsExactlyInAnyOrder("delete cachewatch-us-east-1-cachecluster-sessions-mc", "update cachewatch-us-east-1--fleet");
        assertThat(dashboards()).doesNotContain("cachewatch-us-east-1-cachecluster-sessions-mc").hasSize(DASHBOARDS.size() - 1);
    }

    /**
     * A console "Save as" of a cachewatch dashboard (its body, ownership mark included, under a name of the user's) and
     * one made from scratch, both under the prefix: held and listed, never changed, and still there once the cluster
     * they are about opts out ({@code cachewatch:ignore=yes}) and its own dashboard is deleted.
     */
    @Test
    void handMadeDashboardsUnderThePrefixAreHeldNeverChangedOrDeleted() throws Exception {
        assertThat(reconcileJson().get("_exit").asInt()).isZero();
        String copy = "cachewatch-us-east-1-elasticache-orders-debug";
        String copied = cloudWatch.getDashboard(b -> b.dashboardName("cachewatch-us-east-1-elasticache-orders")).dashboardBody();
        cloudWatch.putDashboard(b -> b.dashboardName(copy).dashboardBody(copied));
        String mine = "cachewatch-us-east-1-elasticache-mine";
        cloudWatch.putDashboard(b -> b.dashboardName(mine).dashboardBody(
                "{\"widgets\":[{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":6,\"height\":3,\"properties\":{\"markdown\":\"mine\"}}]}"));
        JsonNode copyBefore = body(copy);
        JsonNode mineBefore = body(mine);

        JsonNode run = reconcileJson();
        assertThat(run.get("_exit").asInt()).as(run.toString()).isZero();
        assertThat(run.at("/changes")).isEmpty();
        List<String> held = new ArrayList<>();
        run.at("/held").forEach(h -> held.add(h.path("name").asText()));
        assertThat(held).containsExactlyInAnyOrder(copy, mine);

        String ordersArn = fleet.elastiCache().describeReplicationGroups(b -> b.replicationGroupId("orders")).replicationGroups().get(0).arn();
        fleet.tag(ordersArn, "cachewatch:ignore", "yes");
        JsonNode optedOut = reconcileJson();
        assertThat(optedOut.get("_exit").asInt()).as(optedOut.toString()).isZero();
        assertThat(changesOfKind(optedOut, "dashboard")).extracting(c -> c.path("action").asText() + " " + c.path("name").asText())
                .containsExactlyInAnyOrder("delete cachewatch-us-east-1-elasticache-orders", "update cachewatch-us-east-1--fleet");
        assertThat(dashboards()).contains(copy, mine).doesNotContain("cachewatch-us-east-1-elasticache-orders");
        assertThat(body(copy)).isEqualTo(copyBefore);
        assertThat(body(mine)).isEqualTo(mineBefore);
    }

    @Test
    void onlyDashboardsNeverReadsAlarmsAndOnlyAlarmsNeverTouchesDashboards() {
        JsonNode dashboardsOnly = reconcileJson("--only", "dashboards");
        assertThat(dashboardsOnly.get("_exit").asInt()).as(dashboardsOnly.toString()).isZero();
        assertThat(dashboardsOnly.at("/summary/create").asInt()).isEqualTo(DASHBOARDS.size());
        assertThat(dashboardsOnly.at("/apiCalls").has("CloudWatch.DescribeAlarms")).isFalse();
        assertThat(cloudWatch.describeAlarms().metricAlarms()).isEmpty();

        bridge.calls().reset();
        JsonNode alarmsOnly = reconcileJson("--only", "alarms");
        assertThat(alarmsOnly.get("_exit").asInt()).isZero();
        assertThat(changesOfKind(alarmsOnly, "dashboard")).isEmpty();
        assertThat(bridge.calls().operations()).allMatch(op -> op.equals("DescribeAlarms") || op.equals("PutMetricAlarm"));
    }

    @Test
    void anUnknownTemplateTagIsAnErrorAndKeepsThatClustersDashboard() {
        assertThat(reconcileJson().get("_exit").asInt()).isZero();
        String soloArn = fleet.elastiCache().describeCacheClusters(b -> b.cacheClusterId("solo")).cacheClusters().get(0).arn();
        fleet.tag(soloArn, "cachewatch:dashboard", "no-such-template");
        JsonNode run = reconcileJson();
        assertThat(run.get("_exit").asInt()).isEqualTo(1);
        assertThat(run.at("/errors/0/source").asText()).isEqualTo("dashboards");
        assertThat(run.at("/errors/0/message").asText()).contains("cachewatch:dashboard=no-such-template", "known: [memcached");
        assertThat(dashboards()).contains("cachewatch-us-east-1-cachecluster-solo");
    }

    @Test
    void aProfileChoosesTheTemplateOfItsClustersUnlessTheirTagSaysOtherwise(@TempDir Path dir) throws Exception {
        Path profiles = copyOfShippedProfiles(dir);
        Files.writeString(profiles.resolve("production.yaml"), "dashboard:\n  redis: memcached\n", StandardOpenOption.APPEND);
        String feedArn = fleet.elastiCache().describeReplicationGroups(b -> b.replicationGroupId("feed")).replicationGroups().get(0).arn();
        fleet.tag(feedArn, "Environment", "production");
        fleet.tag(feedArn, "cachewatch:dashboard", "redis");
        JsonNode run = reconcileJson("--only", "dashboards", "--profiles", profiles.toString());
        assertThat(run.get("_exit").asInt()).as(run.toString()).isZero();
        // orders is production (memcached by its profile), feed's tag wins, solo is not production
        assertThat(changesOfKind(run, "dashboard")).extracting(c -> c.path("name").asText(), c -> c.at("/diff/summary").asText().replaceAll(".* ", ""))
                .contains(tuple("cachewatch-us-east-1-elasticache-orders", "memcached"), tuple("cachewatch-us-east-1-elasticache-feed", "redis"),
                        tuple("cachewatch-us-east-1-cachecluster-solo", "redis"));
    }

    @Test
    void validateRendersEveryTemplateAndNamesTheFileAndLineOfEachProblemBeforeAnyAwsCall(@TempDir Path dir) throws Exception {
        Path templates = dir.resolve("dashboards");
        Files.createDirectories(templates.resolve("tags"));
        try (var shipped = Files.walk(Path.of(System.getProperty("cachewatch.project.dir", "."), "dashboards"))) {
            for (Path file : shipped.filter(Files::isRegularFile).toList()) {
                Path relative = Path.of(System.getProperty("cachewatch.project.dir", "."), "dashboards").relativize(file);
                Files.copy(file, templates.resolve(relative));
            }
        }
        Files.writeString(templates.resolve("broken.json.qute"), "{\"widgets\": [\n  {\"type\": \"text\", \"properties\": {\"markdown\": {cluster.nosuch.json}}}\n]}\n");
        Path profiles = copyOfShippedProfiles(dir);
        Files.writeString(profiles.resolve("development.yaml"), "dashboard: redis-compakt\n", StandardOpenOption.APPEND);
        cachewatch.env("CACHEWATCH_DASHBOARDS_DIR", templates.toString());
        bridge.calls().reset();
        CachewatchJar.Result validate = cachewatch.run("validate", "--profiles", profiles.toString());
        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(1);
        int line = Files.readAllLines(profiles.resolve("development.yaml")).size();
        assertThat(validate.stderr()).contains(templates.resolve("broken.json.qute") + ":2:",
                profiles.resolve("development.yaml") + ":" + line + ": dashboard: unknown dashboard template 'redis-compakt'");
        JsonNode reconcile = reconcileJson("--profiles", profiles.toString());
        assertThat(reconcile.get("_exit").asInt()).isEqualTo(1);
        assertThat(reconcile.at("/errors").toString()).contains("redis-compakt");
        assertThat(bridge.calls().total()).isZero();

        Files.delete(templates.resolve("broken.json.qute"));
        Files.writeString(profiles.resolve("development.yaml"), Files.readString(profiles.resolve("development.yaml")).replace("redis-compakt", "memcached"));
        CachewatchJar.Result fixed = cachewatch.run("validate", "--profiles", profiles.toString());
        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(fixed.stdout()).contains("dashboard templates: fleet, memcached, memorydb, redis, serverless");
    }

    private static Path copyOfShippedProfiles(Path dir) throws java.io.IOException {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        try (var shipped = Files.list(Path.of(System.getProperty("cachewatch.project.dir", "."), "alarm-profiles"))) {
            for (Path file : shipped.toList()) {
                Files.copy(file, profiles.resolve(file.getFileName()));
            }
        }
        return profiles;
    }
}
