package io.cachewatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MassDeleteGuardTest {
    private static RegionPlan plan(String region, int deletes, int managed) {
        List<AlarmChange> changes = new ArrayList<>();
        for (int i = 0; i < deletes; i++) {
            changes.add(new AlarmChange(Action.DELETE, region, null, PlanFixtures.actual("c" + i, "cpu-high", 80), List.of()));
        }
        return new RegionPlan(region, changes, 0, managed, List.of(), List.of(), List.of());
    }

    @Test
    void refusesOnlyRegionsOverTheShare() {
        MassDeleteGuard guard = new MassDeleteGuard(0.25);
        assertThat(guard.refusals(List.of(plan("a", 25, 100), plan("b", 0, 0)))).isEmpty();
        assertThat(guard.refusals(List.of(plan("a", 26, 100), plan("b", 1, 100))))
                .singleElement().satisfies(r -> assertThat(r).contains("region a", "26 of 100", "--allow-mass-delete"));
    }

    @Test
    void deletingEverythingIsRefusedAndZeroShareRefusesAnyDelete() {
        assertThat(new MassDeleteGuard(0.25).refusals(List.of(plan("a", 4, 4)))).hasSize(1);
        assertThat(new MassDeleteGuard(0).refusals(List.of(plan("a", 1, 1000)))).hasSize(1);
        assertThat(new MassDeleteGuard(1).refusals(List.of(plan("a", 4, 4)))).isEmpty();
    }

    @Test
    void aShareOutsideZeroToOneIsAConfigurationError() {
        assertThatThrownBy(() -> new MassDeleteGuard(25)).hasMessageContaining("between 0 and 1");
    }
}
