package io.cachewatch.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Applies changes of one kind through one store, for every kind: creates and updates first (so monitoring never has
 * a gap, and a renamed resource exists under its new name before the old one goes), deletes last in batches. One
 * failed change never stops the others; every change gets an outcome. The store paces and retries its calls.
 */
public final class Applier {
    /** DeleteAlarms and DeleteDashboards accept at most 100 names per call. */
    public static final int DELETE_BATCH = 100;

    /** The writes of one kind's store. */
    public interface Writes<D> {
        void put(Change<D> change);

        void delete(List<String> names);

        static <D> Writes<D> of(java.util.function.Consumer<Change<D>> put, java.util.function.Consumer<List<String>> delete) {
            return new Writes<>() {
                @Override
                public void put(Change<D> change) {
                    put.accept(change);
                }

                @Override
                public void delete(List<String> names) {
                    delete.accept(names);
                }
            };
        }
    }

    private Applier() {
    }

    /**
     * @param progress      told after each put and each delete batch: changes done so far of these changes
     * @param stopRequested checked between calls: when it turns true, the remaining changes are reported as not applied
     */
    public static <D> List<Outcome> apply(List<Change<D>> changes, Writes<D> writes, ApplyProgress progress, BooleanSupplier stopRequested) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Change<D>> deletes = new ArrayList<>();
        for (Change<D> change : changes) {
            if (change.action() == Action.DELETE) {
                deletes.add(change);
            } else if (stopRequested.getAsBoolean()) {
                outcomes.add(Outcome.failed(change, "not applied: shutting down"));
            } else {
                outcomes.addAll(attempt(List.of(change), () -> writes.put(change)));
                progress.advanced(outcomes.size(), changes.size());
            }
        }
        for (int from = 0; from < deletes.size(); from += DELETE_BATCH) {
            List<Change<D>> batch = deletes.subList(from, Math.min(deletes.size(), from + DELETE_BATCH));
            if (stopRequested.getAsBoolean()) {
                batch.forEach(c -> outcomes.add(Outcome.failed(c, "not applied: shutting down")));
            } else {
                outcomes.addAll(attempt(batch, () -> writes.delete(batch.stream().map(Change::name).toList())));
                progress.advanced(outcomes.size(), changes.size());
            }
        }
        return outcomes;
    }

    private static List<Outcome> attempt(List<? extends Change<?>> changes, Runnable call) {
        try {
            call.run();
            return changes.stream().map(Outcome::ok).toList();
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return changes.stream().map(c -> Outcome.failed(c, error)).toList();
        }
    }
}
