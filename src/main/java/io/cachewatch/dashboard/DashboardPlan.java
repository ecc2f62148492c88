package io.cachewatch.dashboard;

import io.cachewatch.alarm.ClusterProblem;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.HeldAlarm;
import java.util.List;

/**
 * The dashboard plan of one region.
 *
 * @param managed   managed dashboards of the region that exist now (the base of the mass-delete share)
 * @param unchanged rendered dashboards already as they should be
 * @param held      deletes withheld by a safety rule (the record is shared with alarms: region, name, reason)
 */
public record DashboardPlan(String region, List<DashboardChange> changes, int unchanged, int managed, List<HeldAlarm> held,
                            List<ClusterProblem> problems) {
    public DashboardPlan {
        changes = List.copyOf(changes);
        held = List.copyOf(held);
        problems = List.copyOf(problems);
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
