package io.cachewatch.plan;

import io.cachewatch.alarm.ClusterProblem;
import io.cachewatch.alarm.Skip;
import java.util.List;

/**
 * The alarm plan of one region.
 *
 * @param managed   how many managed alarms exist now (the base of the mass-delete share)
 * @param unchanged desired alarms already as they should be
 * @param held      deletes withheld by a safety rule
 */
public record RegionPlan(String region, List<AlarmChange> changes, int unchanged, int managed, List<HeldAlarm> held,
                         List<Skip> skips, List<ClusterProblem> problems) {
    public RegionPlan {
        changes = List.copyOf(changes);
        held = List.copyOf(held);
        skips = List.copyOf(skips);
        problems = List.copyOf(problems);
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
