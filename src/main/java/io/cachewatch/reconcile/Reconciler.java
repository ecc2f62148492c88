package io.cachewatch.reconcile;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmStore;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.dashboard.DashboardApplier;
import io.cachewatch.dashboard.DashboardNaming;
import io.cachewatch.dashboard.DashboardOutcome;
import io.cachewatch.dashboard.DashboardPlan;
import io.cachewatch.dashboard.DashboardPlanner;
import io.cachewatch.dashboard.DashboardRenderer;
import io.cachewatch.dashboard.DashboardStore;
import io.cachewatch.dashboard.RenderedRegion;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.Action;
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
 * One reconcile: read the managed alarms of each region, plan against the desired state, render and plan the
 * dashboards, check the guards, then (unless dry-run or check) apply each region's plan, dashboards last. Regions are applied in parallel: CloudWatch quotas are per
 * region, and each region's store paces itself.
 */
public final class Reconciler {
    /** How a run treats its plan; {@code only} null means alarms and dashboards. */
    public record Options(RunMode mode, boolean allowMassDelete, String alarmPrefix, Only only) {
        public Options(RunMode mode, boolean allowMassDelete, String alarmPrefix) {
            this(mode, allowMassDelete, alarmPrefix, null);
        }

        boolean alarms() {
            return only != Only.DASHBOARDS;
        }

        boolean dashboards() {
            return only != Only.ALARMS;
        }
    }

    /** {@code reconcile --only alarms|dashboards}. */
    public enum Only { ALARMS, DASHBOARDS }

    /**
     * The dashboard part of a run.
     *
     * @param store the (global) dashboard store, given the run's first region for its client's endpoint
     */
    public record Dashboards(DashboardRenderer renderer, DashboardNaming naming, Function<String, DashboardStore> store) {
    }

    private final DesiredAlarms desiredAlarms;
    private final Function<String, AlarmStore> stores;
    private final MassDeleteGuard guard;
    private final ApplyProgress progress;
    private final BooleanSupplier stopRequested;
    private final Dashboards dashboards;

    /** @param dashboards null when the run knows no dashboards */
    public Reconciler(DesiredAlarms desiredAlarms, Function<String, AlarmStore> stores, MassDeleteGuard guard,
                      ApplyProgress progress, BooleanSupplier stopRequested, Dashboards dashboards) {
        this.dashboards = dashboards;
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
        List<RenderedRegion> rendered = new ArrayList<>();
        boolean withDashboards = options.dashboards() && dashboards != null;
        for (RegionInventory region : fleet.regions()) {
            DesiredState desired = desiredAlarms.forRegion(region);
            if (withDashboards) {
                rendered.add(dashboards.renderer().forRegion(region, desired));
            }
            if (!options.alarms()) {
                desired.problems().forEach(p -> errors.add(new ReportError("cluster", p.region(), p.cluster(), p.message())));
                continue;
            }
            List<ActualAlarm> actual;
            try {
                actual = stores.apply(region.region()).listManaged(options.alarmPrefix());
            } catch (RuntimeException e) {
                errors.add(new ReportError("alarms", region.region(), null, "cannot read managed alarms: " + e.getMessage()));
                continue;
            }
            plans.add(AlarmPlanner.plan(desired, actual, region.complete()));
        }
        DashboardStore dashboardStore = withDashboards && !fleet.regions().isEmpty()
                ? dashboards.store().apply(fleet.regions().get(0).region()) : null;
        List<DashboardPlan> dashboardPlans = dashboardStore == null ? List.of() : planDashboards(fleet, rendered, dashboardStore, errors);
        List<String> refusals = new ArrayList<>();
        if (!options.allowMassDelete()) {
            refusals.addAll(guard.refusals(plans));
            dashboardPlans.forEach(p -> guard.refusal(p.region(), "dashboards", p.count(Action.DELETE), p.managed()).ifPresent(refusals::add));
        }
        List<ChangeOutcome> outcomes = new ArrayList<>();
        List<DashboardOutcome> dashboardOutcomes = new ArrayList<>();
        if (options.mode() == RunMode.APPLY && refusals.isEmpty()) {
            // one progress line for the whole apply: alarms first, then dashboards counted on from there
            int alarmChanges = plans.stream().mapToInt(p -> p.changes().size()).sum();
            int total = alarmChanges + dashboardPlans.stream().mapToInt(p -> p.changes().size()).sum();
            outcomes.addAll(apply(plans, total));
            if (dashboardStore != null) {
                dashboardOutcomes.addAll(DashboardApplier.apply(dashboardPlans, dashboardStore,
                        (done, ofDashboards) -> progress.advanced(alarmChanges + done, total), stopRequested));
            }
        }
        return new ReconcileReport(options.mode(), plans, outcomes, errors, refusals, apiCalls.get(), dashboardPlans, dashboardOutcomes);
    }

    /** One ListDashboards walk for the whole run (dashboards are global), then one plan per region. */
    private List<DashboardPlan> planDashboards(Fleet fleet, List<RenderedRegion> rendered, DashboardStore store, List<ReportError> errors) {
        List<String> existing;
        try {
            existing = store.listManaged(dashboards.naming().prefix());
        } catch (RuntimeException e) {
            errors.add(new ReportError("dashboards", null, null, "cannot list managed dashboards: " + e.getMessage()));
            return List.of();
        }
        List<DashboardPlan> plans = new ArrayList<>();
        for (int i = 0; i < rendered.size(); i++) {
            RenderedRegion region = rendered.get(i);
            List<String> mine = existing.stream().filter(n -> dashboards.naming().owns(region.region(), n)).toList();
            try {
                plans.add(DashboardPlanner.plan(region, mine, store::body, fleet.regions().get(i).complete()));
            } catch (RuntimeException e) {
                errors.add(new ReportError("dashboards", region.region(), null, "cannot read managed dashboards: " + e.getMessage()));
            }
        }
        return plans;
    }

    /** @param total changes of the whole apply (alarms and dashboards), for the progress line */
    private List<ChangeOutcome> apply(List<RegionPlan> plans, int total) {
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
