package io.cachewatch.audit;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmDiff;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.ClusterProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the alarms a region's clusters should have (the same desired alarms reconcile plans) with those that exist,
 * from one listing of the region's managed alarms, into one {@link AlarmCoverage} per cluster. Pure.
 */
public final class AlarmCoverages {
    private AlarmCoverages() {
    }

    /**
     * Cluster key → coverage, for every cluster of the region. Desired alarms are matched to clusters by their owner's
     * kind and cluster, so an ElastiCache and a MemoryDB cluster of the same name never share alarms.
     */
    public static Map<String, AlarmCoverage> of(RegionInventory region, DesiredState desired, List<ActualAlarm> actual) {
        Map<String, ActualAlarm> byName = new HashMap<>();
        actual.forEach(a -> byName.put(a.name(), a));
        Map<ClusterRef, List<DesiredAlarm>> wanted = new HashMap<>();
        desired.alarms().forEach(a -> wanted.computeIfAbsent(new ClusterRef(a.owner().kind(), a.owner().cluster()), k -> new ArrayList<>()).add(a));
        Map<ClusterRef, String> problems = new HashMap<>();
        for (ClusterProblem p : desired.problems()) {
            problems.merge(p.ref(), p.message(), (a, b) -> a + "; " + b);
        }
        Map<String, AlarmCoverage> coverage = new HashMap<>();
        for (Cluster cluster : region.clusters()) {
            List<String> missing = new ArrayList<>();
            List<String> drifted = new ArrayList<>();
            List<DesiredAlarm> mine = wanted.getOrDefault(cluster.ref(), List.of());
            for (DesiredAlarm want : mine) {
                ActualAlarm have = byName.get(want.name());
                if (have == null) {
                    missing.add(want.name());
                } else if (!AlarmDiff.between(have.spec(), want.spec()).isEmpty()) {
                    drifted.add(want.name());
                }
            }
            coverage.put(cluster.key(), new AlarmCoverage(mine.size(), missing, drifted, problems.get(cluster.ref())));
        }
        return coverage;
    }
}
