package io.cachewatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.inventory.ClusterRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MassDeleteGuardTest {
    private static KindPlan<String> plan(String region, int deletes, int managed) {
        List<Change<String>> changes = new ArrayList<>();
        for (int i = 0; i < deletes; i++) {
            changes.add(new Change<>(Action.DELETE, "alarm", region, "c" + i, null, null, null, List.of(), null, null));
        }
        return new KindPlan<>("alarm", region, changes, 0, managed, List.of(), List.of());
    }

    @Test
    void refusesOnlyRegionsOverTheShare() {
        MassDeleteGuard guard = new MassDeleteGuard(0.25);
        assertThat(guard.refusals(List.of(plan("a", 25, 100), plan("b", 0, 0)), "alarms")).isEmpty();
        assertThat(guard.refusals(List.of(plan("a", 26, 100), plan("b", 1, 100)), "alarms"))
                .singleElement().satisfies(r -> assertThat(r).contains("region a", "26 of 100 managed alarms", "--allow-mass-delete"));
    }

    @Test
    void deletingEverythingIsRefusedAndZeroShareRefusesAnyDelete() {
        assertThat(new MassDeleteGuard(0.25).refusals(List.of(plan("a", 4, 4)), "alarms")).hasSize(1);
        assertThat(new MassDeleteGuard(0).refusals(List.of(plan("a", 1, 1000)), "alarms")).hasSize(1);
        assertThat(new MassDeleteGuard(1).refusals(List.of(plan("a", 4, 4)), "alarms")).isEmpty();
    }

    /** The upgrade renames standalone cache clusters' alarms: a delete replaced by a create of its owner is no loss. */
    @Test
    void aRenameIsNotADeleteForTheGuard() {
        List<Change<String>> changes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ClusterRef before = new ClusterRef("elasticache", "c" + i);
            ClusterRef after = new ClusterRef(ClusterRef.CACHE_CLUSTER, "c" + i);
            changes.add(new Change<>(Action.CREATE, "alarm", "a", "new" + i, after, "c" + i + "/0001", "cpu-high", List.of(), null, "body"));
            changes.add(new Change<>(Action.DELETE, "alarm", "a", "old" + i, before, "c" + i + "/0001", "cpu-high", List.of(), null, null));
        }
        changes.add(new Change<>(Action.DELETE, "alarm", "a", "gone", new ClusterRef("elasticache", "gone"), null, "cpu-high", List.of(), null, null));
        KindPlan<String> plan = new KindPlan<>("alarm", "a", changes, 0, 11, List.of(), List.of());
        assertThat(new MassDeleteGuard(0.25).refusals(List.of(plan), "alarms")).isEmpty();
        assertThat(new MassDeleteGuard(0.05).refusals(List.of(plan), "alarms")).singleElement()
                .satisfies(r -> assertThat(r).contains("1 of 11 managed alarms"));
    }

    @Test
    void aShareOutsideZeroToOneIsAConfigurationError() {
        assertThatThrownBy(() -> new MassDeleteGuard(25)).hasMessageContaining("between 0 and 1");
    }
}
