package io.cachewatch.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one applier of every kind, against an in-memory store (the CloudWatch stores are tested against moto). */
class ApplierTest {
    /** Records calls; fails puts of one named resource. */
    static final class RecordingWrites implements Applier.Writes<String> {
        final List<String> puts = new ArrayList<>();
        final List<List<String>> deleteCalls = new ArrayList<>();
        final String failing;

        RecordingWrites(String failing) {
            this.failing = failing;
        }

        @Override
        public void put(Change<String> change) {
            if (change.name().equals(failing)) {
                throw new IllegalStateException("LimitExceeded: too many alarms");
            }
            puts.add(change.name());
        }

        @Override
        public void delete(List<String> names) {
            deleteCalls.add(List.copyOf(names));
        }
    }

    private static List<Change<String>> changes(int creates, int deletes) {
        List<Change<String>> changes = new ArrayList<>();
        for (int i = 0; i < deletes; i++) {
            changes.add(new Change<>(Action.DELETE, "alarm", "r", "old" + i, null, null, null, List.of(), null, null));
        }
        for (int i = 0; i < creates; i++) {
            changes.add(new Change<>(Action.CREATE, "alarm", "r", "new" + i, null, null, null, List.of(), null, "body"));
        }
        return changes;
    }

    @Test
    void writesBeforeDeletesAndBatchesDeletesByAHundred() {
        RecordingWrites store = new RecordingWrites(null);
        AtomicInteger lastDone = new AtomicInteger();
        List<Outcome> outcomes = Applier.apply(changes(3, 250), store, (done, total) -> lastDone.set(done), () -> false);
        assertThat(store.puts).hasSize(3);
        assertThat(store.deleteCalls).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(outcomes).hasSize(253).allMatch(Outcome::applied);
        assertThat(outcomes.get(0).change().action()).isEqualTo(Action.CREATE);
        assertThat(lastDone).hasValue(253);
    }

    @Test
    void oneFailedChangeDoesNotStopTheOthers() {
        RecordingWrites store = new RecordingWrites("new1");
        List<Outcome> outcomes = Applier.apply(changes(3, 0), store, ApplyProgress.NONE, () -> false);
        assertThat(store.puts).containsExactly("new0", "new2");
        assertThat(outcomes).filteredOn(o -> !o.applied()).singleElement()
                .satisfies(o -> assertThat(o.error()).contains("LimitExceeded"));
    }

    @Test
    void aStopRequestLeavesTheRestUnappliedAndSaysSo() {
        RecordingWrites store = new RecordingWrites(null);
        AtomicInteger calls = new AtomicInteger();
        List<Outcome> outcomes = Applier.apply(changes(5, 10), store, ApplyProgress.NONE, () -> calls.incrementAndGet() > 2);
        assertThat(store.puts).hasSize(2);
        assertThat(store.deleteCalls).isEmpty();
        assertThat(outcomes).hasSize(15).filteredOn(o -> !o.applied()).hasSize(13)
                .allSatisfy(o -> assertThat(o.error()).contains("shutting down"));
    }
}
