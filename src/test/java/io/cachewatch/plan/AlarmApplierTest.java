package io.cachewatch.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmStore;
import io.cachewatch.alarm.DesiredAlarm;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The applier against an in-memory store (the real CloudWatch store is tested against moto). */
class AlarmApplierTest {
    /** Records calls; fails puts of one named alarm. */
    static final class RecordingStore implements AlarmStore {
        final List<String> puts = new ArrayList<>();
        final List<List<String>> deleteCalls = new ArrayList<>();
        final String failing;

        RecordingStore(String failing) {
            this.failing = failing;
        }

        @Override
        public List<ActualAlarm> listManaged(String prefix) {
            return List.of();
        }

        @Override
        public void put(DesiredAlarm alarm) {
            if (alarm.name().equals(failing)) {
                throw new IllegalStateException("LimitExceeded: too many alarms");
            }
            puts.add(alarm.name());
        }

        @Override
        public void delete(List<String> names) {
            deleteCalls.add(List.copyOf(names));
        }
    }

    private static RegionPlan plan(int creates, int deletes) {
        List<AlarmChange> changes = new ArrayList<>();
        for (int i = 0; i < deletes; i++) {
            changes.add(new AlarmChange(Action.DELETE, "r", null, PlanFixtures.actual("old" + i, "cpu-high", 80), List.of()));
        }
        for (int i = 0; i < creates; i++) {
            changes.add(new AlarmChange(Action.CREATE, "r", PlanFixtures.desired("new" + i, "cpu-high", 80), null, List.of()));
        }
        return new RegionPlan("r", changes, 0, deletes, List.of(), List.of(), List.of());
    }

    @Test
    void writesBeforeDeletesAndBatchesDeletesByAHundred() {
        RecordingStore store = new RecordingStore(null);
        AtomicInteger lastDone = new AtomicInteger();
        List<ChangeOutcome> outcomes = AlarmApplier.apply(plan(3, 250), store, (done, total) -> lastDone.set(done), () -> false);
        assertThat(store.puts).hasSize(3);
        assertThat(store.deleteCalls).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(outcomes).hasSize(253).allMatch(ChangeOutcome::applied);
        assertThat(outcomes.get(0).change().action()).isEqualTo(Action.CREATE);
        assertThat(lastDone).hasValue(253);
    }

    @Test
    void oneFailedChangeDoesNotStopTheOthers() {
        RecordingStore store = new RecordingStore(PlanFixtures.name("new1", "cpu-high"));
        List<ChangeOutcome> outcomes = AlarmApplier.apply(plan(3, 0), store, ApplyProgress.NONE, () -> false);
        assertThat(store.puts).containsExactly(PlanFixtures.name("new0", "cpu-high"), PlanFixtures.name("new2", "cpu-high"));
        assertThat(outcomes).filteredOn(o -> !o.applied()).singleElement()
                .satisfies(o -> assertThat(o.error()).contains("LimitExceeded"));
    }

    @Test
    void aStopRequestLeavesTheRestUnappliedAndSaysSo() {
        RecordingStore store = new RecordingStore(null);
        AtomicInteger calls = new AtomicInteger();
        List<ChangeOutcome> outcomes = AlarmApplier.apply(plan(5, 10), store, ApplyProgress.NONE, () -> calls.incrementAndGet() > 2);
        assertThat(store.puts).hasSize(2);
        assertThat(store.deleteCalls).isEmpty();
        assertThat(outcomes).hasSize(15).filteredOn(o -> !o.applied()).hasSize(13)
                .allSatisfy(o -> assertThat(o.error()).contains("shutting down"));
    }
}
