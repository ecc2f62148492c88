package io.cachewatch.reconcile;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmStore;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.AlarmApplier;
import io.cachewatch.plan.AlarmPlanner;
import io.cachewatch.plan.ApplyProgress;
import io.cachewatch.plan.ChangeOutcome;
import io.cachewatch.plan.MassDeleteGuard;
import io.cachewatch.plan.RegionPlan;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.ReportError;
import io.cachewatch.report.RunMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One reconcile: read the managed alarms of each region, plan against the desired state, check the guards, then
 * (unless dry-run or check) apply each region's plan. Regions are applied in parallel: CloudWatch quotas are per
 * region, and each region's store paces itself.
 */
public final class Reconciler {
    /** How a run treats its plan. */
    public record Options(RunMode mode, boolean allowMassDelete, String alarmPrefix) {
    }

    private final DesiredAlarms desiredAlarms;
    private final Function<String, AlarmStore> stores;
    private final MassDeleteGuard guard;
    private final ApplyProgress progress;
    private final BooleanSupplier stopRequested;

    public Reconciler(DesiredAlarms desiredAlarms, Function<String, AlarmStore> stores, MassDeleteGuard guard,
                      ApplyProgress progress, BooleanSupplier stopRequested) {
        this.desiredAlarms = desiredAlarms;
        this.stores = stores;
        this.guard = guard;
        this.progress = progress;
        this.stopRequested = stopRequested;
    }

    public ReconcileReport run(Fleet fleet, Options options, Supplier<SortedMap<String, Long>> apiCalls) {
        List<ReportError> errors = new ArrayList<>();
        fleet.errors().forEach(e -> errors.add(new ReportError("discovery", e.region(), null, e.operation() + ": " + e.message())));
        List<RegionPlan> plans = new ArrayList<>();
        for (RegionInventory region : fleet.regions()) {
            DesiredState desired = desiredAlarms.forRegion(region);
            List<ActualAlarm> actual;
            try {
                actual = stores.apply(region.region()).listManaged(options.alarmPrefix());
            } catch (RuntimeException e) {
                errors.add(new ReportError("alarms", region.region(), null, "cannot read managed alarms: " + e.getMessage()));
                continue;
            }
            plans.add(AlarmPlanner.plan(desired, actual, region.complete()));
        }
        List<String> refusals = options.allowMassDelete() ? List.of() : guard.refusals(plans);
        List<ChangeOutcome> outcomes = new ArrayList<>();
        if (options.mode() == RunMode.APPLY && refusals.isEmpty()) {
            outcomes.addAll(apply(plans));
        }
        return new ReconcileReport(options.mode(), plans, outcomes, errors, refusals, apiCalls.get());
    }

    private List<ChangeOutcome> apply(List<RegionPlan> plans) {
        int total = plans.stream().mapToInt(p -> p.changes().size()).sum();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<RegionPlan> withChanges = plans.stream().filter(p -> !p.changes().isEmpty()).toList();
        if (withChanges.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(withChanges.size(), 8));
        try {
            List<Future<List<ChangeOutcome>>> futures = new ArrayList<>();
            for (RegionPlan plan : withChanges) {
                int[] last = {0};
                futures.add(pool.submit(() -> AlarmApplier.apply(plan, stores.apply(plan.region()), (d, t) -> {
                    progress.advanced(done.addAndGet(d - last[0]), total);
                    last[0] = d;
                }, stopRequested)));
            }
            List<ChangeOutcome> outcomes = new ArrayList<>();
            for (Future<List<ChangeOutcome>> f : futures) {
                outcomes.addAll(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("applying failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
