package io.cachewatch.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a run that would delete more than a share of a region's managed resources of a kind: the usual cause is a discovery
 * that quietly returned too little (wrong account, wrong region, a filtered API answer), not a real decommission.
 */
public record MassDeleteGuard(double maxShare) {
    public MassDeleteGuard {
        if (!(maxShare >= 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("the mass-delete share must be between 0 and 1, was " + maxShare);
        }
    }

    /**
     * One refusal per region and kind over the limit; empty when the plans may be applied. A delete whose cluster,
     * node and rule get a create in the same plan is a rename (the create goes first), not a loss, and is not counted.
     */
    public List<String> refusals(List<? extends KindPlan<?>> plans, String plural) {
        List<String> refusals = new ArrayList<>();
        for (KindPlan<?> plan : plans) {
            java.util.Set<List<String>> created = new java.util.HashSet<>();
            plan.changes().stream().filter(c -> c.action() == Action.CREATE).forEach(c -> created.add(owner(c)));
            long losses = plan.changes().stream().filter(c -> c.action() == Action.DELETE && !created.contains(owner(c))).count();
            refusal(plan.region(), plural, losses, plan.managed()).ifPresent(refusals::add);
        }
        return refusals;
    }

    /** Cluster id, node and rule: what stays the same when only a name changes. */
    private static List<String> owner(Change<?> change) {
        return java.util.Arrays.asList(change.cluster() == null ? null : change.cluster().id(), change.node(), change.rule());
    }

    /** The refusal of deleting {@code deletes} of a region's {@code managed} things ("alarms", "dashboards"), if over the share. */
    public Optional<String> refusal(String region, String what, long deletes, long managed) {
        if (deletes > 0 && deletes > maxShare * managed) {
            return Optional.of(String.format("region %s: %d of %d managed %s (%.0f %%) would be deleted, over the limit of %.0f %%;"
                            + " rerun with --allow-mass-delete if this is intended",
                    region, deletes, managed, what, 100.0 * deletes / managed, 100 * maxShare));
        }
        return Optional.empty();
    }
}
