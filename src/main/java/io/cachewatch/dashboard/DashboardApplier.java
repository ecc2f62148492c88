package io.cachewatch.dashboard;

import io.cachewatch.plan.Action;
import io.cachewatch.plan.ApplyProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Applies dashboard plans through the (global) store: puts first, deletes last in batches. One failed change never
 * stops the others; the store paces its calls.
 */
public final class DashboardApplier {
    /** Names per DeleteDashboards call. */
    public static final int DELETE_BATCH = 100;

    private DashboardApplier() {
    }

    /** @param progress told after each put and each delete batch: dashboards done so far of this call's total */
    public static List<DashboardOutcome> apply(List<DashboardPlan> plans, DashboardStore store, ApplyProgress progress,
                                               BooleanSupplier stopRequested) {
        List<DashboardOutcome> outcomes = new ArrayList<>();
        List<DashboardChange> deletes = new ArrayList<>();
        List<DashboardChange> changes = plans.stream().flatMap(p -> p.changes().stream()).toList();
        for (DashboardChange change : changes) {
            if (change.action() == Action.DELETE) {
                deletes.add(change);
            } else if (stopRequested.getAsBoolean()) {
                outcomes.add(new DashboardOutcome(change, false, "not applied: shutting down"));
            } else {
                outcomes.add(attempt(List.of(change), () -> store.put(change.name(), DashboardJson.write(change.body()))).get(0));
                progress.advanced(outcomes.size(), changes.size());
            }
        }
        for (int from = 0; from < deletes.size(); from += DELETE_BATCH) {
            List<DashboardChange> batch = deletes.subList(from, Math.min(deletes.size(), from + DELETE_BATCH));
            if (stopRequested.getAsBoolean()) {
                batch.forEach(c -> outcomes.add(new DashboardOutcome(c, false, "not applied: shutting down")));
            } else {
                outcomes.addAll(attempt(batch, () -> store.delete(batch.stream().map(DashboardChange::name).toList())));
                progress.advanced(outcomes.size(), changes.size());
            }
        }
        return outcomes;
    }

    private static List<DashboardOutcome> attempt(List<DashboardChange> changes, Runnable call) {
        try {
            call.run();
            return changes.stream().map(c -> new DashboardOutcome(c, true, null)).toList();
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return changes.stream().map(c -> new DashboardOutcome(c, false, error)).toList();
        }
    }
}
