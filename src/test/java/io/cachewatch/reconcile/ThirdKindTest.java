package io.cachewatch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.alarm.AlarmActions;
import io.cachewatch.alarm.AlarmKind;
import io.cachewatch.alarm.AlarmNaming;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.alarm.InMemoryAlarms;
import io.cachewatch.dashboard.DashboardFixtures;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.Applier;
import io.cachewatch.plan.ApplyProgress;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.ClusterProblem;
import io.cachewatch.plan.Diff;
import io.cachewatch.plan.Differ;
import io.cachewatch.plan.Found;
import io.cachewatch.plan.Held;
import io.cachewatch.plan.ManagedKind;
import io.cachewatch.plan.MassDeleteGuard;
import io.cachewatch.plan.Ownership;
import io.cachewatch.plan.Wanted;
import io.cachewatch.plan.Wants;
import io.cachewatch.profile.ProfileSelector;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.RunMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A third managed kind is its own implementation of {@link ManagedKind} and its registration: here a note per cluster
 * in a map, owned when its text starts with a mark. The pipeline applies the same rule to it as to alarms and
 * dashboards, without a line of either changing.
 */
class ThirdKindTest {
    /** Notes by name; a note is cachewatch's when its text starts with "cachewatch:&lt;kind&gt;/&lt;id&gt;". */
    static final class Notes implements ManagedKind<DesiredState, Map<String, String>, String, String> {
        @Override
        public String id() {
            return "note";
        }

        @Override
        public Wants<String> want(DesiredState region) {
            return new Wants<>(region.alarms().stream().map(a -> a.owner().ref()).distinct()
                    .map(ref -> new Wanted<>("note-" + ref.kind() + "-" + ref.id(), ref, null, null, "cachewatch:" + ref + " watched")).toList(),
                    List.of());
        }

        @Override
        public Map<String, List<Found<String>>> read(List<DesiredState> regions, Function<String, Map<String, String>> stores,
                                                     List<ClusterProblem> failures) {
            return Found.byRegion(regions, plural(), failures, state -> stores.apply(state.region()).entrySet().stream()
                    .map(e -> new Found<>(e.getKey(), owner(state.region(), e.getValue()), e.getValue())).toList());
        }

        private static Ownership owner(String region, String text) {
            if (!text.startsWith("cachewatch:")) {
                return new Ownership.NotOurs("no mark");
            }
            String[] ref = text.substring("cachewatch:".length()).split(" ")[0].split("/");
            return new Ownership.Ours(region, new ClusterRef(ref[0], ref[1]), null, null);
        }

        @Override
        public Differ<String, String> differ() {
            return new Differ<>() {
                @Override
                public Diff between(String actual, String desired) {
                    return actual.equals(desired) ? Diff.NONE : new Diff(List.of(), "text changed");
                }

                @Override
                public String created(String desired) {
                    return desired;
                }
            };
        }

        @Override
        public Applier.Writes<String> writes(Map<String, String> store) {
            return Applier.Writes.of(c -> store.put(c.name(), c.desired()), names -> names.forEach(store::remove));
        }
    }

    @Test
    void aNewKindIsPlannedAndAppliedUnderTheSameRule() {
        DesiredAlarms desired = new DesiredAlarms(DashboardFixtures.CATALOG.profiles(), new ProfileSelector("default", "Environment", Map.of()),
                new AlarmNaming("cachewatch-"), AlarmActions.NONE);
        Map<String, String> notes = new TreeMap<>();
        InMemoryAlarms alarms = new InMemoryAlarms();
        Reconciler<DesiredState> reconciler = new Reconciler<>(desired::forRegion, List.of(
                new Reconciler.Registered<>(new AlarmKind(new AlarmNaming("cachewatch-")), region -> alarms),
                new Reconciler.Registered<>(new Notes(), region -> notes)), new MassDeleteGuard(1), ApplyProgress.NONE, () -> false);
        Cluster orders = Fixtures.redisReplicationGroup("orders", 1, Map.of());
        Cluster feed = Fixtures.valkeyClusterMode("feed", 1, 1);
        Cluster gone = Fixtures.memoryDb("gone", 1, 1);
        ReconcileReport first = run(reconciler, orders, feed, gone);
        assertThat(first.exitCode()).isZero();
        assertThat(notes).containsOnlyKeys("note-elasticache-orders", "note-elasticache-feed", "note-memorydb-gone");
        notes.put("note-by-hand", "mine");

        // feed gets a bad tag, gone is gone: feed's note and alarms are kept, gone's go, the hand-made note stays
        ReconcileReport second = run(reconciler, orders, Fixtures.withTags(feed, Map.of("cachewatch:cpu-high.threshold", "-5")));
        assertThat(second.exitCode()).isEqualTo(ReconcileReport.EXIT_ERRORS);
        assertThat(second.plans()).flatExtracting(p -> p.changes()).filteredOn(c -> c.kind().equals("note"))
                .extracting(Change::action, Change::name).containsExactly(org.assertj.core.groups.Tuple.tuple(Action.DELETE, "note-memorydb-gone"));
        assertThat(second.plans()).flatExtracting(p -> p.held()).filteredOn(h -> h.kind().equals("note")).extracting(Held::name)
                .containsExactlyInAnyOrder("note-elasticache-feed", "note-by-hand");
        assertThat(notes).containsOnlyKeys("note-elasticache-orders", "note-elasticache-feed", "note-by-hand");
        assertThat(alarms.alarms.keySet()).anyMatch(n -> n.contains("/feed-0001-001/")).noneMatch(n -> n.contains("/gone/"));
    }

    private static ReconcileReport run(Reconciler<DesiredState> reconciler, Cluster... clusters) {
        return reconciler.run(new Fleet(List.of(new RegionInventory(Fixtures.REGION, List.of(clusters), List.of()))),
                new Reconciler.Options(RunMode.APPLY, true), TreeMap::new);
    }
}
