package io.cachewatch.dashboard;

import static io.cachewatch.dashboard.DashboardFixtures.NAMING;
import static io.cachewatch.dashboard.DashboardFixtures.everyTopology;
import static io.cachewatch.dashboard.DashboardFixtures.render;
import static io.cachewatch.dashboard.DashboardFixtures.renderer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.Fixtures;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.ApplyProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Planning and applying dashboards against a store in memory. */
class DashboardPlannerTest {
    private final InMemoryDashboards store = new InMemoryDashboards();

    private DashboardPlan plan(RenderedRegion rendered, boolean complete) {
        List<String> mine = store.listManaged(NAMING.prefix()).stream().filter(n -> NAMING.owns(Fixtures.REGION, n)).toList();
        return DashboardPlanner.plan(rendered, mine, store::body, complete);
    }

    private void apply(DashboardPlan plan) {
        assertThat(DashboardApplier.apply(List.of(plan), store, ApplyProgress.NONE, () -> false)).allMatch(DashboardOutcome::applied);
    }

    private static RenderedRegion all() {
        return render(renderer(), everyTopology().toArray(Cluster[]::new));
    }

    @Test
    void firstRunCreatesEverythingWithoutAGetAndTheSecondWritesNothing() {
        DashboardPlan first = plan(all(), true);
        assertThat(first.changes()).hasSize(7).allMatch(c -> c.action() == Action.CREATE);
        assertThat(first.changes().get(0).summary()).isEqualTo("10 widgets, 24 metrics, template redis");
        assertThat(store.count("GetDashboard")).isZero();
        apply(first);
        assertThat(store.count("PutDashboard")).isEqualTo(7);

        store.calls.clear();
        DashboardPlan second = plan(all(), true);
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

        DashboardPlan plan = plan(all(), true);
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
        store.put("cachewatch-us-east-1-mine", "{\"widgets\":[]}"); // under the prefix but not a name cachewatch makes
        List<Cluster> left = everyTopology().subList(0, 4);
        RenderedRegion fewer = render(renderer(), left.toArray(Cluster[]::new));

        assertThat(plan(fewer, false).changes()).noneMatch(c -> c.action() == Action.DELETE);
        assertThat(plan(fewer, false).held()).hasSize(2);

        Cluster problem = Fixtures.withTags(left.get(0), Map.of("cachewatch:profile", "nope"));
        DashboardPlan plan = plan(render(renderer(), problem, left.get(1), left.get(2), left.get(3)), true);
        assertThat(plan.changes()).filteredOn(c -> c.action() == Action.DELETE).extracting(DashboardChange::name)
                .containsExactly("cachewatch-us-east-1-memorydb-ledger", "cachewatch-us-east-1-serverless-carts");
        assertThat(plan.held()).singleElement().satisfies(h -> assertThat(h.name()).isEqualTo("cachewatch-us-east-1-elasticache-orders"));
        apply(plan);
        assertThat(store.bodies).containsKey("cachewatch-us-east-1-mine").doesNotContainKey("cachewatch-us-east-1-memorydb-ledger");
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
        List<DashboardOutcome> outcomes = DashboardApplier.apply(List.of(plan(all(), true)), failing, ApplyProgress.NONE, () -> false);
        assertThat(outcomes).filteredOn(o -> !o.applied()).singleElement().satisfies(o -> assertThat(o.error()).contains("orders"));
        assertThat(outcomes).filteredOn(DashboardOutcome::applied).hasSize(6);
    }

    @Test
    void progressIsToldAfterEachPutAndEachDeleteBatch() {
        apply(plan(all(), true));
        // six clusters gone: their dashboards are deleted in one batch; the fleet dashboard changes (fewer clusters)
        List<String> reports = new java.util.ArrayList<>();
        DashboardPlan plan = plan(render(renderer()), true);
        DashboardApplier.apply(List.of(plan), store, (done, total) -> reports.add(done + "/" + total), () -> false);
        assertThat(plan.count(Action.DELETE)).isEqualTo(6);
        assertThat(reports).containsExactly("1/7", "7/7");
    }
}
