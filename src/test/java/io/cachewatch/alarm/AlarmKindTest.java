package io.cachewatch.alarm;

import static io.cachewatch.alarm.PlanFixtures.REGION;
import static io.cachewatch.alarm.PlanFixtures.actual;
import static io.cachewatch.alarm.PlanFixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.inventory.DiscoveryError;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.ClusterProblem;
import io.cachewatch.plan.FieldDiff;
import io.cachewatch.plan.Held;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.reconcile.OneKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Alarms through the shared planner: matching by name, the safety rule, ownership by owner line. */
class AlarmKindTest {
    static final AlarmKind KIND = new AlarmKind(new AlarmNaming("cachewatch-"));

    private static DesiredState state(List<DesiredAlarm> alarms, Set<String> held, boolean complete) {
        Set<ClusterRef> refs = new java.util.HashSet<>();
        held.forEach(c -> refs.add(new ClusterRef("elasticache", c)));
        RegionInventory inventory = new RegionInventory(REGION, List.of(),
                complete ? List.of() : List.of(new DiscoveryError(REGION, "DescribeReplicationGroups", "throttled")));
        return new DesiredState(inventory, alarms, List.of(),
                refs.stream().map(c -> new ClusterProblem(REGION, c, "bad tag")).toList(), refs);
    }

    static KindPlan<DesiredAlarm> plan(DesiredState state, List<ActualAlarm> actual) {
        return OneKind.plan(KIND, state, ListedAlarms.of(actual).apply(REGION));
    }

    private static KindPlan<DesiredAlarm> plan(List<DesiredAlarm> desired, Set<String> held, List<ActualAlarm> actual) {
        return plan(state(desired, held, true), actual);
    }

    @Test
    void createsUpdatesDeletesAndCountsTheRest() {
        KindPlan<DesiredAlarm> plan = plan(List.of(desired("a", "cpu-high", 80), desired("b", "cpu-high", 95), desired("c", "cpu-high", 80)),
                Set.of(), List.of(actual("b", "cpu-high", 80), actual("c", "cpu-high", 80), actual("gone", "cpu-high", 80)));
        assertThat(plan.changes()).extracting(Change::action, Change::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Action.CREATE, "cachewatch-elasticache/a-001/0001/cpu-high"),
                org.assertj.core.groups.Tuple.tuple(Action.UPDATE, "cachewatch-elasticache/b-001/0001/cpu-high"),
                org.assertj.core.groups.Tuple.tuple(Action.DELETE, "cachewatch-elasticache/gone-001/0001/cpu-high"));
        assertThat(plan.changes().get(1).diff()).containsExactly(new FieldDiff("threshold", 80.0, 95.0));
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.managed()).isEqualTo(3);
    }

    @Test
    void everyOwnedFieldIsCompared() {
        var wanted = desired("a", "cpu-high", 80);
        var driftedSpec = new AlarmSpec(wanted.spec().namespace(), wanted.spec().metricName(), wanted.spec().dimensions(),
                "Maximum", 300, 3, 2, Comparison.GREATER_THAN_OR_EQUAL, 80, TreatMissingData.breaching,
                wanted.spec().description() + " edited by hand", false, List.of(), List.of("arn:other"));
        KindPlan<DesiredAlarm> plan = plan(List.of(wanted), Set.of(), List.of(new ActualAlarm(wanted.name(), driftedSpec, wanted.owner())));
        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.diff()).extracting(FieldDiff::field).containsExactly(
                "statistic", "period", "evaluationPeriods", "datapointsToAlarm", "comparison", "treatMissingData", "description",
                "actionsEnabled", "alarmActions", "okActions"));
    }

    @Test
    void anIncompleteDiscoveryDeletesNothing() {
        KindPlan<DesiredAlarm> plan = plan(state(List.of(), Set.of(), false), List.of(actual("gone", "cpu-high", 80)));
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.held()).singleElement().satisfies(h -> assertThat(h.reason()).contains("discovery"));
    }

    @Test
    void alarmsOfProblemClustersAndAlarmsWithoutOwnerAreKept() {
        ActualAlarm foreign = new ActualAlarm("cachewatch-by-hand", actual("x", "r", 1).spec(), null);
        KindPlan<DesiredAlarm> plan = plan(List.of(), Set.of("held"), List.of(actual("held", "cpu-high", 80), foreign));
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.held()).extracting(Held::name).containsExactlyInAnyOrder(
                "cachewatch-elasticache/held-001/0001/cpu-high", "cachewatch-by-hand");
    }

    /** An alarm at a wanted name whose description lost its owner line is not cachewatch's to overwrite. */
    @Test
    void anAlarmWithoutOwnerLineAtAWantedNameIsHeldNotOverwritten() {
        var wanted = desired("a", "cpu-high", 80);
        ActualAlarm byHand = new ActualAlarm(wanted.name(), actual("a", "cpu-high", 90).spec(), null);
        KindPlan<DesiredAlarm> plan = plan(List.of(wanted), Set.of(), List.of(byHand));
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.held()).singleElement().satisfies(h -> assertThat(h.reason()).contains("no cachewatch owner line"));
    }

    @Test
    void aNameWantedTwiceIsAProblemNotTwoWrites() {
        KindPlan<DesiredAlarm> plan = plan(List.of(desired("a", "cpu-high", 80), desired("a", "cpu-high", 90)), Set.of(), List.of());
        assertThat(plan.changes()).hasSize(1);
        assertThat(plan.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("wanted twice"));
    }

    @Test
    void thresholdsEqualUpToFloatingNoiseAreUnchanged() {
        KindPlan<DesiredAlarm> plan = plan(List.of(desired("a", "host-cpu-high", 90.0 / 7)), Set.of(),
                List.of(actual("a", "host-cpu-high", 12.857142857142858)));
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    /**
     * An owner line written before it named the kind: under {@code elasticache/} it may have been a replication
     * group's or a standalone cache cluster's. It is still cachewatch's (deleted when neither has a problem, so an
     * upgrade replaces it) but kept while either of them is a problem cluster.
     */
    @Test
    void anOldOwnerLineIsStillOwnedAndHeldWhileEitherClusterOfItsIdHasAProblem() {
        ActualAlarm old = actual("orders", "cpu-high", 80);
        String legacyDescription = old.spec().description().replace(" kind=elasticache", "");
        AlarmOwner legacyOwner = AlarmDescription.parse(legacyDescription);
        assertThat(legacyOwner.kind()).isNull();
        ActualAlarm legacy = new ActualAlarm(old.name(), old.spec(), legacyOwner);

        assertThat(plan(List.of(), Set.of(), List.of(legacy)).changes()).extracting(Change::action).containsExactly(Action.DELETE);

        DesiredState cacheClusterHasAProblem = new DesiredState(new RegionInventory(REGION, List.of(), List.of()), List.of(), List.of(),
                List.of(), Set.of(new ClusterRef(ClusterRef.CACHE_CLUSTER, "orders")));
        KindPlan<DesiredAlarm> held = plan(cacheClusterHasAProblem, List.of(legacy));
        assertThat(held.changes()).isEmpty();
        assertThat(held.held()).singleElement().satisfies(h -> assertThat(h.reason()).contains("cachecluster/orders has a problem"));
    }

    /** A create's summary is made once for a run of alarms that share it, and never reused for one that differs. */
    @Test
    void createSummariesFollowEverySpec() {
        List<DesiredAlarm> alarms = new ArrayList<>();
        for (double threshold : new double[] {80, 80, 90, 80, 0.0, -0.0, 2048, 2048}) {
            for (String cluster : List.of("a", "b")) {
                alarms.add(desired(cluster + (int) threshold + (1 / threshold > 0 ? "" : "n"), "cpu-high", threshold));
            }
        }
        DesiredAlarm other = desired("c", "cpu-high", 80);
        alarms.add(new DesiredAlarm(other.name(), other.spec(), other.owner(), "warning", other.tags()));
        for (DesiredAlarm a : alarms) {
            assertThat(KIND.differ().created(a)).isEqualTo(AlarmSummary.describe(a.spec()) + " " + a.severity());
        }
        assertThat(KIND.differ().created(alarms.get(alarms.size() - 1))).endsWith(" warning");
    }
}
