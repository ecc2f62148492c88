package io.cachewatch.report;

import io.cachewatch.plan.Action;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.plan.Outcome;
import io.cachewatch.plan.Skip;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything a reconcile run planned, did and could not do, for every managed kind; the single source for text and
 * JSON output and for the exit code.
 *
 * @param plans    one per kind and region, in the order the kinds ran
 * @param outcomes one per applied (or attempted) change; empty when nothing was written
 * @param skips    rules skipped for facts AWS does not have
 * @param refusals safety-guard refusals; when present nothing was written
 * @param apiCalls AWS calls made, by "Service.Operation"
 */
public record ReconcileReport(RunMode mode, List<KindPlan<?>> plans, List<Outcome> outcomes, List<ReportError> errors,
                              List<Skip> skips, List<String> refusals, SortedMap<String, Long> apiCalls) {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERRORS = 1;
    public static final int EXIT_DRIFT = 2;
    public static final int EXIT_REFUSED = 3;
    public static final int EXIT_USAGE = 64;

    public ReconcileReport {
        plans = List.copyOf(plans);
        outcomes = List.copyOf(outcomes);
        errors = List.copyOf(errors);
        skips = List.copyOf(skips);
        refusals = List.copyOf(refusals);
    }

    /** A run that stopped before planning: only errors. */
    public static ReconcileReport failed(RunMode mode, List<ReportError> errors) {
        return new ReconcileReport(mode, List.of(), List.of(), errors, List.of(), List.of(), new java.util.TreeMap<>());
    }

    /** Changes of this action, every kind. */
    public long count(Action action) {
        return plans.stream().mapToLong(p -> p.count(action)).sum();
    }

    public long unchanged() {
        return plans.stream().mapToLong(KindPlan::unchanged).sum();
    }

    public long failed() {
        return outcomes.stream().filter(o -> !o.applied()).count();
    }

    public boolean drift() {
        return plans.stream().anyMatch(p -> !p.changes().isEmpty());
    }

    /** Outcomes by change, for output next to each planned change. */
    public Map<Change<?>, Outcome> outcomeByChange() {
        Map<Change<?>, Outcome> byChange = new IdentityHashMap<>();
        outcomes.forEach(o -> byChange.put(o.change(), o));
        return byChange;
    }

    /** Errors of the run, cluster problems included, in the order they are reported. */
    public List<ReportError> allErrors() {
        List<ReportError> all = new java.util.ArrayList<>(errors);
        plans.forEach(p -> p.problems().forEach(pr -> all.add(new ReportError(p.kind() + "s", pr.region(), pr.cluster(), pr.message()))));
        outcomes.stream().filter(o -> !o.applied()).forEach(o -> all.add(new ReportError(o.change().kind() + "s", o.change().region(),
                o.change().cluster() == null ? null : o.change().cluster().id(),
                o.change().action().id() + " " + o.change().name() + ": " + o.error())));
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
