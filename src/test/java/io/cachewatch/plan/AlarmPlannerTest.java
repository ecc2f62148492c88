package io.cachewatch.plan;

import static io.cachewatch.plan.PlanFixtures.REGION;
import static io.cachewatch.plan.PlanFixtures.actual;
import static io.cachewatch.plan.PlanFixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.ClusterProblem;
import io.cachewatch.alarm.DesiredState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlarmPlannerTest {
    private static DesiredState state(List<io.cachewatch.alarm.DesiredAlarm> alarms, Set<String> held) {
        return new DesiredState(REGION, alarms, List.of(), held.stream().map(c -> new ClusterProblem(REGION, c, "bad tag")).toList(), held);
    }

    @Test
    void createsUpdatesDeletesAndCountsTheRest() {
        DesiredState desired = state(List.of(desired("a", "cpu-high", 80), desired("b", "cpu-high", 95), desired("c", "cpu-high", 80)), Set.of());
        List<ActualAlarm> actual = List.of(actual("b", "cpu-high", 80), actual("c", "cpu-high", 80), actual("gone", "cpu-high", 80));
        RegionPlan plan = AlarmPlanner.plan(desired, actual, true);
        assertThat(plan.changes()).extracting(AlarmChange::action, AlarmChange::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Action.CREATE, "cachewatch-elasticache/a-001/0001/cpu-high"),
                org.assertj.core.groups.Tuple.tuple(Action.UPDATE, "cachewatch-elasticache/b-001/0001/cpu-high"),
                org.assertj.core.groups.Tuple.tuple(Action.DELETE, "cachewatch-elasticache/gone-001/0001/cpu-high"));
        assertThat(plan.changes().get(1).diff()).containsExactly(new FieldDiff("threshold", 80.0, 95.0));
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.managed()).isEqualTo(3);
    }

    @Test
    void changesAreListedByClusterThenByNameWhateverTheOrderTheyWereWantedIn() {
        DesiredState desired = state(List.of(desired("b", "memory-high", 80), desired("a", "swap-high", 80),
                desired("b", "cpu-high", 80), desired("a", "cpu-high", 80), desired("a2", "cpu-high", 80)), Set.of());
        RegionPlan plan = AlarmPlanner.plan(desired, List.of(actual("a1", "cpu-high", 80)), true);
        assertThat(plan.changes()).extracting(AlarmChange::name).containsExactly(
                "cachewatch-elasticache/a-001/0001/cpu-high", "cachewatch-elasticache/a-001/0001/swap-high",
                "cachewatch-elasticache/a1-001/0001/cpu-high", "cachewatch-elasticache/a2-001/0001/cpu-high",
                "cachewatch-elasticache/b-001/0001/cpu-high", "cachewatch-elasticache/b-001/0001/memory-high");
    }

    @Test
    void everyOwnedFieldIsCompared() {
        var wanted = desired("a", "cpu-high", 80);
        var driftedSpec = new io.cachewatch.alarm.AlarmSpec(wanted.spec().namespace(), wanted.spec().metricName(), wanted.spec().dimensions(),
                "Maximum", 300, 3, 2, io.cachewatch.alarm.Comparison.GREATER_THAN_OR_EQUAL, 80, io.cachewatch.alarm.TreatMissingData.breaching,
                "edited by hand", false, List.of(), List.of("arn:other"));
        RegionPlan plan = AlarmPlanner.plan(state(List.of(wanted), Set.of()),
                List.of(new ActualAlarm(wanted.name(), driftedSpec, null)), true);
        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.diff()).extracting(FieldDiff::field).containsExactly(
                "statistic", "period", "evaluationPeriods", "datapointsToAlarm", "comparison", "treatMissingData", "description",
                "actionsEnabled", "alarmActions", "okActions"));
    }

    @Test
    void anIncompleteDiscoveryDeletesNothing() {
        RegionPlan plan = AlarmPlanner.plan(state(List.of(), Set.of()), List.of(actual("gone", "cpu-high", 80)), false);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.held()).singleElement().satisfies(h -> assertThat(h.reason()).contains("discovery"));
    }

    @Test
    void alarmsOfProblemClustersAndAlarmsWithoutOwnerAreKept() {
        ActualAlarm foreign = new ActualAlarm("cachewatch-by-hand", actual("x", "r", 1).spec(), null);
        RegionPlan plan = AlarmPlanner.plan(state(List.of(), Set.of("held")),
                List.of(actual("held", "cpu-high", 80), foreign), true);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.held()).extracting(HeldAlarm::name).containsExactlyInAnyOrder(
                "cachewatch-elasticache/held-001/0001/cpu-high", "cachewatch-by-hand");
    }

    @Test
    void aNameWantedTwiceIsAProblemNotTwoWrites() {
        RegionPlan plan = AlarmPlanner.plan(state(List.of(desired("a", "cpu-high", 80), desired("a", "cpu-high", 90)), Set.of()), List.of(), true);
        assertThat(plan.changes()).hasSize(1);
        assertThat(plan.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("wanted twice"));
    }

    @Test
    void thresholdsEqualUpToFloatingNoiseAreUnchanged() {
        RegionPlan plan = AlarmPlanner.plan(state(List.of(desired("a", "host-cpu-high", 90.0 / 7)), Set.of()),
                List.of(actual("a", "host-cpu-high", 12.857142857142858)), true);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }
}
