package io.cachewatch.alarm;

import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.ClusterProblem;
import io.cachewatch.plan.RegionDesired;
import io.cachewatch.plan.Skip;
import java.util.List;
import java.util.Set;

/**
 * What one region should look like, composed once per run from the inventory, the profiles and the tags, and shared
 * by every managed kind: the desired alarms, the rules skipped for facts AWS does not have, and the problem clusters
 * whose managed resources of every kind are left exactly as they are.
 */
public record DesiredState(RegionInventory inventory, List<DesiredAlarm> alarms, List<Skip> skips, List<ClusterProblem> problems,
                           Set<ClusterRef> heldClusters) implements RegionDesired {
    public DesiredState {
        alarms = List.copyOf(alarms);
        skips = List.copyOf(skips);
        problems = List.copyOf(problems);
        heldClusters = Set.copyOf(heldClusters);
    }
}
