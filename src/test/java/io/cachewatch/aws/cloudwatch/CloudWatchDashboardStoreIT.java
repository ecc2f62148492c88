package io.cachewatch.aws.cloudwatch;

import static io.cachewatch.dashboard.DashboardFixtures.everyTopology;
import static io.cachewatch.dashboard.DashboardFixtures.renderer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.Fixtures;
import io.cachewatch.aws.AwsRetry;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.dashboard.DashboardFixtures;
import io.cachewatch.dashboard.DashboardJson;
import io.cachewatch.dashboard.DashboardKind;
import io.cachewatch.dashboard.DesiredDashboard;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.Applier;
import io.cachewatch.plan.ApplyProgress;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.plan.Outcome;
import io.cachewatch.reconcile.OneKind;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.CloudWatchTestbed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** The dashboard adapter and the dashboard plan against real moto through the CBOR bridge, with the real SDK client. */
class CloudWatchDashboardStoreIT {
    @RegisterExtension
    static final CloudWatchTestbed TESTBED = CloudWatchTestbed.start();
    private static final CloudWatchBridge bridge = TESTBED.bridge();
    private static final CloudWatchClient client = TESTBED.client(AwsRetry.strategy(3, Duration.ofMillis(10)));
    private static final CloudWatchDashboardStore store = new CloudWatchDashboardStore(client, CloudWatchDashboardStore.Pacers.of(500));

    private static final DashboardKind KIND = new DashboardKind(renderer(), DashboardFixtures.NAMING);

    private static KindPlan<DesiredDashboard> plan(List<Cluster> clusters) {
        DesiredState state = DashboardFixtures.ALARMS.forRegion(new RegionInventory(Fixtures.REGION, clusters, List.of()));
        return OneKind.plan(KIND, state, (io.cachewatch.dashboard.DashboardStore) store);
    }

    private static void apply(KindPlan<DesiredDashboard> plan) {
        assertThat(Applier.apply(plan.changes(), KIND.writes(store), ApplyProgress.NONE, () -> false)).allMatch(Outcome::applied);
    }

    private static List<Cluster> all() {
        return everyTopology();
    }

    @Test
    void putGetListDeleteRoundTrip() {
        store.put("cachewatch-a", "{\"widgets\":[]}");
        store.put("cachewatch-b", "{\"widgets\":[]}");
        store.put("other", "{\"widgets\":[]}");
        assertThat(store.listManaged("cachewatch-")).containsExactlyInAnyOrder("cachewatch-a", "cachewatch-b");
        assertThat(store.body("cachewatch-a")).contains("{\"widgets\":[]}");
        assertThat(store.body("missing")).isEmpty();
        store.delete(List.of("cachewatch-a", "cachewatch-b"));
        assertThat(store.listManaged("cachewatch-")).isEmpty();
    }

    @Test
    void createThenNoOpThenHandEditRevertedThenOrphanDeleted() throws Exception {
        apply(plan(all()));
        assertThat(store.listManaged("cachewatch-")).hasSize(7);
        assertThat(bridge.calls().count("PutDashboard")).isEqualTo(7);

        bridge.calls().reset();
        KindPlan<DesiredDashboard> second = plan(all());
        assertThat(second.changes()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(7);
        assertThat(bridge.calls().count("PutDashboard")).isZero();
        assertThat(bridge.calls().count("GetDashboard")).isEqualTo(7);

        String name = "cachewatch-us-east-1-memorydb-ledger";
        ObjectNode edited = DashboardJson.parse(store.body(name).orElseThrow());
        ((ObjectNode) edited.at("/widgets/2/properties")).put("title", "renamed by hand");
        client.putDashboard(b -> b.dashboardName(name).dashboardBody(edited.toString()));
        KindPlan<DesiredDashboard> third = plan(all());
        assertThat(third.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.UPDATE);
            assertThat(c.summary()).isEqualTo("1 widget added (Engine CPU (%)); 1 widget removed (renamed by hand)");
        });
        apply(third);
        assertThat(plan(all()).changes()).isEmpty();

        KindPlan<DesiredDashboard> fourth = plan(everyTopology().subList(0, 4));
        assertThat(fourth.changes()).extracting(c -> c.action() + " " + c.name()).containsExactlyInAnyOrder(
                "DELETE cachewatch-us-east-1-memorydb-ledger", "DELETE cachewatch-us-east-1-serverless-carts", "UPDATE cachewatch-us-east-1--fleet");
        apply(fourth);
        assertThat(store.listManaged("cachewatch-")).hasSize(5).doesNotContain(name);
    }
}
