package io.cachewatch.alarm;

import java.util.List;
import java.util.Set;

/**
 * What one region should look like.
 *
 * @param heldClusters clusters whose existing alarms must be left exactly as they are
 */
public record DesiredState(String region, List<DesiredAlarm> alarms, List<Skip> skips, List<ClusterProblem> problems,
                           Set<String> heldClusters) {
    public DesiredState {
        alarms = List.copyOf(alarms);
        skips = List.copyOf(skips);
        problems = List.copyOf(problems);
        heldClusters = Set.copyOf(heldClusters);
    }
}
