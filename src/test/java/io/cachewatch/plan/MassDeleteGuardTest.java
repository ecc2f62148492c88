package io.cachewatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aShareOutsideZeroToOneIsAConfigurationError() {
        assertThatThrownBy(() -> new MassDeleteGuard(25)).hasMessageContaining("between 0 and 1");
    }
}
