package io.cachewatch.console;

import io.cachewatch.Fixtures;
import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmOwner;
import io.cachewatch.alarm.AlarmSpec;
import io.cachewatch.alarm.Comparison;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.alarm.Dimension;
import io.cachewatch.alarm.TreatMissingData;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.plan.Outcome;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.RunMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alarms, plans and fleets for the console's tests and its bench: the shapes a reconcile produces. */
public final class ConsoleFixtures {
    public static final String PREFIX = "cachewatch-";

    private ConsoleFixtures() {
    }

    public static String name(Cluster c, String node, String rule) {
        return PREFIX + c.ref().kind() + "/" + c.id() + "/" + (node == null ? "" : node + "/") + rule;
    }

    public static DesiredAlarm desired(Cluster c, String node, String rule, double threshold) {
        AlarmOwner owner = new AlarmOwner(c.region(), c.id(), node, rule, "production");
        AlarmSpec spec = new AlarmSpec(c.kind().namespace(), "EngineCPUUtilization", List.of(new Dimension("CacheClusterId", node == null ? c.id() : node)),
                "Average", 60, 5, 3, Comparison.GREATER_THAN, threshold, TreatMissingData.missing, "d", true, List.of(), List.of());
        return new DesiredAlarm(name(c, node, rule), spec, owner, "critical", Map.of());
    }

    public static ActualAlarm actual(DesiredAlarm d, String state) {
        return new ActualAlarm(d.name(), d.spec(), d.owner(), state);
    }

    /**
     * A fleet of {@code count} two-node clusters with an engine-cpu alarm per node, all in sync and OK, except every
     * tenth cluster, whose first alarm is in ALARM.
     */
    public static ClusterStatuses.Run fleet(int count) {
        List<Cluster> clusters = new ArrayList<>();
        List<ActualAlarm> alarms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Cluster c = Fixtures.redisReplicationGroup(String.format("cluster-%04d", i), 1, Map.of());
            clusters.add(c);
            for (var n : c.nodes()) {
                boolean firing = i % 10 == 0 && n.cacheClusterId().endsWith("-001");
                alarms.add(actual(desired(c, n.cacheClusterId(), "engine-cpu", 90), firing ? "ALARM" : "OK"));
            }
        }
        Fleet fleet = new Fleet(List.of(new RegionInventory(Fixtures.REGION, clusters, List.of())));
        ReconcileReport report = new ReconcileReport(RunMode.APPLY, List.of(new KindPlan<DesiredAlarm>("alarm", Fixtures.REGION, List.of(),
                alarms.size(), alarms.size(), List.of(), List.of())), List.of(), List.of(), List.of(), List.of(), new TreeMap<>());
        return new ClusterStatuses.Run("prod", fleet, report, Map.of(Fixtures.REGION, alarms), List.of(), PREFIX,
                new io.cachewatch.dashboard.DashboardNaming(PREFIX));
    }

    /** A change of the alarm kind as the planner makes it ({@code desired} null for deletes). */
    public static Change<DesiredAlarm> change(Action action, Cluster c, String name, DesiredAlarm desired) {
        return new Change<>(action, "alarm", Fixtures.REGION, name, c.ref(), null, null, List.of(), "", desired);
    }

    public static Outcome outcome(Change<?> change, boolean applied) {
        return applied ? Outcome.ok(change) : Outcome.failed(change, "Throttling: Rate exceeded");
    }
}
