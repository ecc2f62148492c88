package io.cachewatch.report;

import io.cachewatch.dashboard.DashboardChange;
import io.cachewatch.dashboard.DashboardOutcome;
import io.cachewatch.dashboard.DashboardPlan;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.AlarmChange;
import io.cachewatch.plan.ChangeOutcome;
import io.cachewatch.plan.RegionPlan;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything a reconcile run planned, did and could not do; the single source for text and JSON output and for the
 * exit code.
 *
 * @param outcomes one per applied (or attempted) change; empty when nothing was written
 * @param refusals safety-guard refusals; when present nothing was written
 * @param apiCalls AWS calls made, by "Service.Operation"
 * @param dashboardPlans    one per region when dashboards were reconciled; counted with the alarms in every total
 * @param dashboardOutcomes one per applied (or attempted) dashboard change
 */
public record ReconcileReport(RunMode mode, List<RegionPlan> plans, List<ChangeOutcome> outcomes, List<ReportError> errors,
                              List<String> refusals, SortedMap<String, Long> apiCalls, List<DashboardPlan> dashboardPlans,
                              List<DashboardOutcome> dashboardOutcomes) {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERRORS = 1;
    public static final int EXIT_DRIFT = 2;
    public static final int EXIT_REFUSED = 3;
    public static final int EXIT_USAGE = 64;

    public ReconcileReport {
        plans = List.copyOf(plans);
        outcomes = List.copyOf(outcomes);
        errors = List.copyOf(errors);
        refusals = List.copyOf(refusals);
        dashboardPlans = List.copyOf(dashboardPlans);
        dashboardOutcomes = List.copyOf(dashboardOutcomes);
    }

    /** A report of alarms only. */
    public ReconcileReport(RunMode mode, List<RegionPlan> plans, List<ChangeOutcome> outcomes, List<ReportError> errors,
                           List<String> refusals, SortedMap<String, Long> apiCalls) {
        this(mode, plans, outcomes, errors, refusals, apiCalls, List.of(), List.of());
    }

    /** Alarm and dashboard changes of this action. */
    public long count(Action action) {
        return plans.stream().mapToLong(p -> p.count(action)).sum() + dashboardPlans.stream().mapToLong(p -> p.count(action)).sum();
    }

    public long unchanged() {
        return plans.stream().mapToLong(RegionPlan::unchanged).sum() + dashboardPlans.stream().mapToLong(DashboardPlan::unchanged).sum();
    }

    public long failed() {
        return outcomes.stream().filter(o -> !o.applied()).count() + dashboardOutcomes.stream().filter(o -> !o.applied()).count();
    }

    public boolean drift() {
        return plans.stream().anyMatch(p -> !p.changes().isEmpty()) || dashboardPlans.stream().anyMatch(p -> !p.changes().isEmpty());
    }

    public Map<DashboardChange, DashboardOutcome> dashboardOutcomeByChange() {
        Map<DashboardChange, DashboardOutcome> byChange = new IdentityHashMap<>();
        dashboardOutcomes.forEach(o -> byChange.put(o.change(), o));
        return byChange;
    }

    /** Outcomes by change, for output next to each planned change. */
    public Map<AlarmChange, ChangeOutcome> outcomeByChange() {
        Map<AlarmChange, ChangeOutcome> byChange = new IdentityHashMap<>();
        outcomes.forEach(o -> byChange.put(o.change(), o));
        return byChange;
    }

    /** Errors of the run, cluster problems included, in the order they are reported. */
    public List<ReportError> allErrors() {
        List<ReportError> all = new java.util.ArrayList<>(errors);
        plans.forEach(p -> p.problems().forEach(pr -> all.add(new ReportError("cluster", pr.region(), pr.cluster(), pr.message()))));
        outcomes.stream().filter(o -> !o.applied()).forEach(o -> all.add(new ReportError("alarms", o.change().region(),
                o.change().owner() == null ? null : o.change().owner().cluster(),
                o.change().action().id() + " " + o.change().name() + ": " + o.error())));
        dashboardPlans.forEach(p -> p.problems().forEach(pr -> all.add(new ReportError("dashboards", pr.region(), pr.cluster(), pr.message()))));
        dashboardOutcomes.stream().filter(o -> !o.applied()).forEach(o -> all.add(new ReportError("dashboards", o.change().region(),
                o.change().cluster(), o.change().action().id() + " " + o.change().name() + ": " + o.error())));
        return all;
    }

    /** 3 when a guard refused; else 1 on any error; else 2 for drift under --check; else 0. */
    public int exitCode() {
        if (!refusals.isEmpty()) {
            return EXIT_REFUSED;
        }
        if (!allErrors().isEmpty()) {
            return EXIT_ERRORS;
        }
        if (mode == RunMode.CHECK && drift()) {
            return EXIT_DRIFT;
        }
        return EXIT_OK;
    }
}
