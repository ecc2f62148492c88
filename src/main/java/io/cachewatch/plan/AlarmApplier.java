package io.cachewatch.plan;

import io.cachewatch.alarm.AlarmStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Applies one region's plan through the alarm store: creates and updates first (so monitoring never has a gap),
 * deletes last in batches. One failed change never stops the others; every change gets an outcome. The store paces
 * and retries its calls itself.
 */
public final class AlarmApplier {
    /** DeleteAlarms accepts at most 100 names per call. */
    public static final int DELETE_BATCH = 100;

    private AlarmApplier() {
    }

    /**
     * @param stopRequested checked between calls: when it turns true, the remaining changes are reported as not applied
     */
    public static List<ChangeOutcome> apply(RegionPlan plan, AlarmStore store, ApplyProgress progress, BooleanSupplier stopRequested) {
        List<ChangeOutcome> outcomes = new ArrayList<>();
        int total = plan.changes().size();
        List<AlarmChange> deletes = new ArrayList<>();
        for (AlarmChange change : plan.changes()) {
            if (change.action() == Action.DELETE) {
                deletes.add(change);
                continue;
            }
            if (stopRequested.getAsBoolean()) {
                outcomes.add(ChangeOutcome.failed(change, "not applied: shutting down"));
                continue;
            }
            try {
                store.put(change.desired());
                outcomes.add(ChangeOutcome.ok(change));
            } catch (RuntimeException e) {
                outcomes.add(ChangeOutcome.failed(change, message(e)));
            }
            progress.advanced(outcomes.size(), total);
        }
        for (int from = 0; from < deletes.size(); from += DELETE_BATCH) {
            List<AlarmChange> batch = deletes.subList(from, Math.min(deletes.size(), from + DELETE_BATCH));
            if (stopRequested.getAsBoolean()) {
                batch.forEach(c -> outcomes.add(ChangeOutcome.failed(c, "not applied: shutting down")));
                continue;
            }
            try {
                store.delete(batch.stream().map(AlarmChange::name).toList());
                batch.forEach(c -> outcomes.add(ChangeOutcome.ok(c)));
            } catch (RuntimeException e) {
                String error = message(e);
                batch.forEach(c -> outcomes.add(ChangeOutcome.failed(c, error)));
            }
            progress.advanced(outcomes.size(), total);
        }
        return outcomes;
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
