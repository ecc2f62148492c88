package io.cachewatch.reconcile;

import io.cachewatch.alarm.DesiredState;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.plan.ApplyProgress;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.plan.ManagedKind;
import io.cachewatch.plan.MassDeleteGuard;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.RunMode;
import java.util.List;
import java.util.TreeMap;

/** One kind planned through the whole pipeline for one region's desired state, nothing written: for kind tests. */
public final class OneKind {
    private OneKind() {
    }

    /** The region's plan; fails when the kind could not read its store. */
    @SuppressWarnings("unchecked")
    public static <S, D, A> KindPlan<D> plan(ManagedKind<DesiredState, S, D, A> kind, DesiredState state, S store) {
        ReconcileReport report = report(kind, state, store);
        if (report.plans().isEmpty()) {
            throw new AssertionError("no plan: " + report.allErrors());
        }
        return (KindPlan<D>) report.plans().get(0);
    }

    /** The report of a dry run with that one kind (no mass-delete guard). */
    public static <S, D, A> ReconcileReport report(ManagedKind<DesiredState, S, D, A> kind, DesiredState state, S store) {
        Reconciler<DesiredState> reconciler = new Reconciler<>(inventory -> state,
                List.of(new Reconciler.Registered<>(kind, region -> store)), new MassDeleteGuard(1), ApplyProgress.NONE, () -> false);
        return reconciler.run(new Fleet(List.of(state.inventory())), new Reconciler.Options(RunMode.DRY_RUN, true), TreeMap::new);
    }
}
