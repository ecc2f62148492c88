package io.cachewatch.dashboard;

import static io.cachewatch.dashboard.DashboardFixtures.ALARMS;
import static io.cachewatch.dashboard.DashboardFixtures.NAMING;
import static io.cachewatch.dashboard.DashboardFixtures.everyTopology;
import static io.cachewatch.dashboard.DashboardFixtures.renderer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.Fixtures;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.DiscoveryError;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.Applier;
import io.cachewatch.plan.ApplyProgress;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.ClusterProblem;
import io.cachewatch.plan.Held;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.plan.Outcome;
import io.cachewatch.reconcile.OneKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Planning and applying dashboards through the shared pipeline against a store in memory. */
class DashboardKindTest {
    private static final DashboardKind KIND = new DashboardKind(renderer(), NAMING);
    private final InMemoryDashboards store = new InMemoryDashboards();

    private KindPlan<DesiredDashboard> plan(List<Cluster> clusters, boolean complete) {
        return plan(store, clusters, complete);
    }

    private static KindPlan<DesiredDashboard> plan(DashboardStore store, List<Cluster> clusters, boolean complete) {
        RegionInventory region = new RegionInventory(Fixtures.REGION, clusters,
                complete ? List.of() : List.of(new DiscoveryError(Fixtures.REGION, "DescribeCacheClusters", "throttled")));
        return OneKind.plan(KIND, ALARMS.forRegion(region), store);
    }

    private void apply(KindPlan<DesiredDashboard> plan) {
        assertThat(Applier.apply(plan.changes(), KIND.writes(store), ApplyProgress.NONE, () -> false)).allMatch(Outcome::applied);
    }

    private static List<Cluster> all() {
        return everyTopology();
    }

    @Test
    void firstRunCreatesEverythingWithoutAGetAndTheSecondWritesNothing() {
        KindPlan<DesiredDashboard> first = plan(all(), true);
        assertThat(first.changes()).hasSize(7).allMatch(c -> c.action() == Action.CREATE);
        assertThat(first.changes()).filteredOn(c -> c.name().equals("cachewatch-us-east-1-elasticache-orders")).singleElement()
                .satisfies(c -> assertThat(c.summary()).isEqualTo("11 widgets, 24 metrics, template redis"));
        assertThat(store.count("GetDashboard")).isZero();
        apply(first);
        assertThat(store.count("PutDashboard")).isEqualTo(7);

        store.calls.clear();
        KindPlan<DesiredDashboard> second = plan(all(), true);
        assertThat(second.changes()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(7);
        assertThat(store.calls).containsOnly("ListDashboards", "GetDashboard").filteredOn("GetDashboard"::equals).hasSize(7);
    }

    @Test
    void theComparisonIsSemanticNotByBytes() throws Exception {
        apply(plan(all(), true));
        String name = "cachewatch-us-east-1-elasticache-orders";
        // CloudWatch may hand back other whitespace, member order and number forms (80 as 80.0)
        ObjectNode stored = DashboardJson.parse(store.bodies.get(name));
        String reformatted = DashboardJson.pretty(stored).replace("\"width\" : 24", "\"width\" : 24.0");
        store.bodies.put(name, reformatted);
        assertThat(plan(all(), true).changes()).isEmpty();
    }

    @Test
    void aHandEditIsAnUpdateThatSaysWhichWidgetsDiffer() throws Exception {
        apply(plan(all(), true));
        String name = "cachewatch-us-east-1-elasticache-orders";
        ObjectNode edited = DashboardJson.parse(store.bodies.get(name));
        ((ObjectNode) edited.at("/widgets/2/properties")).put("stat", "Maximum");
        edited.withArray("widgets").add(edited.objectNode().put("type", "text").set("properties", edited.objectNode().put("title", "mine")));
        store.bodies.put(name, DashboardJson.write(edited));

        KindPlan<DesiredDashboard> plan = plan(all(), true);
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.UPDATE);
            assertThat(c.summary()).isEqualTo("1 widget changed (Engine CPU (%)); 1 widget removed (mine)");
        });
        apply(plan);
        assertThat(plan(all(), true).changes()).isEmpty();
    }

    @Test
    void dashboardsOfGoneClustersAreDeletedUnlessDiscoveryWasIncompleteOrTheClusterHasAProblem() {
        apply(plan(all(), true));
        store.put("cachewatch-us-east-1-mine", "{\"widgets\":[]}"); // under the prefix but not cachewatch's
        List<Cluster> left = everyTopology().subList(0, 4);

        assertThat(plan(left, false).changes()).noneMatch(c -> c.action() == Action.DELETE);
        assertThat(plan(left, false).held()).hasSize(3);

        Cluster problem = Fixtures.withTags(left.get(0), Map.of("cachewatch:profile", "nope"));
        KindPlan<DesiredDashboard> plan = plan(List.of(problem, left.get(1), left.get(2), left.get(3)), true);
        assertThat(plan.changes()).filteredOn(c -> c.action() == Action.DELETE).extracting(Change::name)
                .containsExactlyInAnyOrder("cachewatch-us-east-1-memorydb-ledger", "cachewatch-us-east-1-serverless-carts");
        // the overview is kept too: rendered now, it would drop the problem cluster's alarms from its list
        assertThat(plan.held()).extracting(Held::name)
                .containsExactlyInAnyOrder("cachewatch-us-east-1-elasticache-orders", "cachewatch-us-east-1-mine", "cachewatch-us-east-1--fleet");
        apply(plan);
        assertThat(store.bodies).containsKey("cachewatch-us-east-1-mine").doesNotContainKey("cachewatch-us-east-1-memorydb-ledger");
    }

    /**
     * A console "Save as" copies the body, ownership mark included, under a name of its choosing: the mark names the
     * dashboard it was made for, so the copy is held, never changed, even once its cluster is gone.
     */
    @Test
    void aSaveAsCopyUnderThePrefixIsHeldNeverDeleted() {
        apply(plan(all(), true));
        String copy = "cachewatch-us-east-1-elasticache-orders-debug";
        store.put(copy, store.bodies.get("cachewatch-us-east-1-elasticache-orders"));
        store.put("cachewatch-us-east-1-elasticache-orders-mine", "{\"widgets\":[{\"type\":\"text\",\"properties\":{\"markdown\":\"mine\"}}]}");

        KindPlan<DesiredDashboard> withOrders = plan(all(), true);
        assertThat(withOrders.changes()).isEmpty();
        assertThat(withOrders.held()).extracting(Held::name).containsExactlyInAnyOrder(copy, "cachewatch-us-east-1-elasticache-orders-mine");
        assertThat(withOrders.held()).filteredOn(h -> h.name().equals(copy)).singleElement()
                .satisfies(h -> assertThat(h.reason()).contains("made for dashboard cachewatch-us-east-1-elasticache-orders"));

        KindPlan<DesiredDashboard> ordersGone = plan(everyTopology().subList(1, 6), true);
        assertThat(ordersGone.changes()).filteredOn(c -> c.action() == Action.DELETE).extracting(Change::name)
                .containsExactly("cachewatch-us-east-1-elasticache-orders");
        apply(ordersGone);
        assertThat(store.bodies).containsKeys(copy, "cachewatch-us-east-1-elasticache-orders-mine");
    }

    /**
     * Dashboards written before bodies carried the mark are recognised by the names cachewatch gives (or gave) the
     * clusters of the inventory: updated to carry the mark, and a standalone cache cluster's former name (which said
     * elasticache like a replication group's) is replaced by its new one, the new one created before the old one goes.
     */
    @Test
    void unmarkedDashboardsOfAnEarlierVersionAreUpdatedOrRenamed() {
        apply(plan(all(), true));
        store.bodies.replaceAll((name, body) -> withoutMark(body));
        assertThat(store.bodies.values()).noneMatch(b -> b.contains("[cachewatch dashboard="));
        store.bodies.put("cachewatch-us-east-1-elasticache-solo", store.bodies.remove("cachewatch-us-east-1-cachecluster-solo"));

        KindPlan<DesiredDashboard> upgrade = plan(all(), true);
        assertThat(upgrade.held()).isEmpty();
        assertThat(upgrade.changes()).filteredOn(c -> c.action() == Action.UPDATE).hasSize(6);
        assertThat(upgrade.changes()).filteredOn(c -> c.action() != Action.UPDATE).extracting(Change::action, Change::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Action.CREATE, "cachewatch-us-east-1-cachecluster-solo"),
                org.assertj.core.groups.Tuple.tuple(Action.DELETE, "cachewatch-us-east-1-elasticache-solo"));
        apply(upgrade);
        assertThat(plan(all(), true).changes()).isEmpty();
    }

    /** The body as an earlier version wrote it: no ownership mark. */
    private static String withoutMark(String body) {
        ObjectNode parsed = DashboardJson.parseLenient(body).orElseThrow();
        var widgets = parsed.withArray("widgets").elements();
        while (widgets.hasNext()) {
            if (widgets.next().path("properties").path("markdown").asText("").contains("[cachewatch dashboard=")) {
                widgets.remove();
            }
        }
        return DashboardJson.write(parsed);
    }

    @Test
    void aFailedPutIsReportedAndTheOthersStillGo() {
        DashboardStore failing = new InMemoryDashboards() {
            @Override
            public void put(String name, String body) {
                if (name.contains("orders")) {
                    throw new IllegalStateException("PutDashboard " + name + " failed");
                }
                super.put(name, body);
            }
        };
        List<Outcome> outcomes = Applier.apply(plan(failing, all(), true).changes(), KIND.writes(failing), ApplyProgress.NONE, () -> false);
        assertThat(outcomes).filteredOn(o -> !o.applied()).singleElement().satisfies(o -> assertThat(o.error()).contains("orders"));
        assertThat(outcomes).filteredOn(Outcome::applied).hasSize(6);
    }

    @Test
    void progressIsToldAfterEachPutAndEachDeleteBatch() {
        apply(plan(all(), true));
        // six clusters gone: their dashboards are deleted in one batch; the fleet dashboard changes (fewer clusters)
        List<String> reports = new java.util.ArrayList<>();
        KindPlan<DesiredDashboard> plan = plan(List.of(), true);
        Applier.apply(plan.changes(), KIND.writes(store), (done, total) -> reports.add(done + "/" + total), () -> false);
        assertThat(plan.count(Action.DELETE)).isEqualTo(6);
        assertThat(reports).containsExactly("1/7", "7/7");
    }
}
