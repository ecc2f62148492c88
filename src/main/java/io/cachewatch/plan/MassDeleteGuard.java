package io.cachewatch.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a run that would delete more than a share of a region's managed alarms: the usual cause is a discovery
 * that quietly returned too little (wrong account, wrong region, a filtered API answer), not a real decommission.
 */
public record MassDeleteGuard(double maxShare) {
    public MassDeleteGuard {
        if (!(maxShare >= 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("the mass-delete share must be between 0 and 1, was " + maxShare);
        }
    }

    /** One refusal per region over the limit; empty when the plan may be applied. */
    public List<String> refusals(List<RegionPlan> plans) {
        List<String> refusals = new ArrayList<>();
        for (RegionPlan plan : plans) {
            long deletes = plan.count(Action.DELETE);
            if (deletes > 0 && deletes > maxShare * plan.managed()) {
                refusals.add(String.format("region %s: %d of %d managed alarms (%.0f %%) would be deleted, over the limit of %.0f %%;"
                                + " rerun with --allow-mass-delete if this is intended",
                        plan.region(), deletes, plan.managed(), 100.0 * deletes / plan.managed(), 100 * maxShare));
            }
        }
        return refusals;
    }
}
