package io.cachewatch.console;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmOwner;
import io.cachewatch.alarm.AlarmSpec;
import io.cachewatch.dashboard.DashboardNaming;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.Shard;
import io.cachewatch.plan.Action;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.plan.Outcome;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.slowlog.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the console's cluster statuses from one reconcile: the discovered fleet, the report (plans and outcomes),
 * the managed alarms as DescribeAlarms listed them (with their state) and the managed dashboards as listed.
 */
public final class ClusterStatuses {
    /**
     * What one reconcile of one target saw.
     *
     * @param listedAlarms managed alarms of each region as read before planning (region → alarms)
     * @param listedDashboards managed dashboard names as read before planning
     * @param alarmPrefix  the managed alarms' name prefix
     */
    public record Run(String target, Fleet fleet, ReconcileReport report, Map<String, List<ActualAlarm>> listedAlarms,
                      List<String> listedDashboards, String alarmPrefix, DashboardNaming dashboardNaming) {
    }

    /** The plan kinds the console reads (AlarmKind's and DashboardKind's ids). */
    private static final String ALARM = "alarm";
    private static final String DASHBOARD = "dashboard";

    private ClusterStatuses() {
    }

    public static List<ClusterStatus> of(Run run) {
        Map<String, Outcome> outcomes = new HashMap<>();
        Map<String, Change<?>> changes = new HashMap<>();
        if (run.report() != null) {
            run.report().outcomes().stream().filter(o -> ALARM.equals(o.change().kind()))
                    .forEach(o -> outcomes.put(o.change().region() + "|" + o.change().name(), o));
            for (KindPlan<?> plan : run.report().plans()) {
                if (ALARM.equals(plan.kind())) {
                    plan.changes().forEach(c -> changes.put(plan.region() + "|" + c.name(), c));
                }
            }
        }
        Map<String, List<String>> alarmNamesByCluster = new HashMap<>();
        Map<String, ActualAlarm> actual = new HashMap<>();
        run.listedAlarms().forEach((region, alarms) -> alarms.forEach(a -> {
            actual.put(region + "|" + a.name(), a);
            owned(run.alarmPrefix(), region, a.name(), a.owner()).ifPresent(k -> alarmNamesByCluster.computeIfAbsent(k, x -> new ArrayList<>()).add(a.name()));
        }));
        changes.values().stream().filter(c -> c.action() != Action.DELETE).forEach(c ->
                owned(run.alarmPrefix(), c.region(), c.name(), desired(c).owner()).ifPresent(k -> {
                    List<String> names = alarmNamesByCluster.computeIfAbsent(k, x -> new ArrayList<>());
                    if (!names.contains(c.name())) {
                        names.add(c.name());
                    }
                }));
        Set<String> dashboards = dashboards(run);
        List<ClusterStatus> out = new ArrayList<>();
        for (Cluster c : run.fleet().clusters()) {
            List<AlarmView> alarms = new ArrayList<>();
            String profile = null;
            for (String name : alarmNamesByCluster.getOrDefault(c.region() + "|" + c.ref().kind() + "|" + c.id(), List.of())) {
                String key = c.region() + "|" + name;
                Change<?> change = changes.get(key);
                ActualAlarm a = actual.get(key);
                if (change != null && change.action() == Action.DELETE) {
                    continue; // e.g. a rule turned off: the alarm is on its way out, not one of the cluster's
                }
                AlarmOwner owner = change != null ? desired(change).owner() : a.owner();
                AlarmSpec spec = change != null ? desired(change).spec() : a.spec();
                profile = profile != null ? profile : owner == null ? null : owner.profile();
                alarms.add(new AlarmView(name, owner == null ? null : owner.node(), owner == null ? null : owner.rule(),
                        a == null ? null : a.state(), condition(spec), spec.comparison() == null ? null : spec.threshold(),
                        sync(change, outcomes.get(key)), Links.alarm(c.region(), name)));
            }
            alarms.sort(Comparator.comparing((AlarmView a) -> !a.firing()).thenComparing(AlarmView::name));
            String dashboard = run.dashboardNaming() == null ? null : run.dashboardNaming().cluster(c, 1);
            if (dashboard != null && !dashboards.contains(dashboard)) {
                dashboard = null;
            }
            String engine = c.engine().id();
            // the identity kind (cachecluster for a standalone cache cluster), as alarm and dashboard names and slow-log findings say it
            out.add(new ClusterStatus(run.target(), c.region(), c.ref().kind(), c.id(), engine, c.engineVersion(), c.status(),
                    c.nodeType(), profile, c.nodes().size(), AlarmCounts.of(alarms), alarms.stream().filter(AlarmView::firing).toList(),
                    alarms, nodes(c), dashboard, dashboard == null ? null : Links.dashboard(c.region(), dashboard),
                    Links.cluster(c.region(), c.kind().id(), engine, c.id()), List.of(), null, List.of()));
        }
        return out;
    }

    /** The slow-log findings of one poll as the console shows them, by cluster key ({@code region/kind/id}). */
    public static Map<String, List<FindingView>> findings(List<Finding> findings, Instant at) {
        Map<String, List<FindingView>> byCluster = new LinkedHashMap<>();
        for (Finding f : findings) {
            byCluster.computeIfAbsent(f.cluster().key(), k -> new ArrayList<>()).add(new FindingView(f.severity().id(), f.kind().id(),
                    f.kind().title(), f.count(),
                    f.kind().log().measuresSize() ? null : f.max(), f.format(f.max()),
                    f.topPatterns().stream().map(Finding.PatternStat::label).toList(), f.nodes(), f.kind().nextSteps(), at));
        }
        byCluster.values().forEach(l -> l.sort(Comparator.comparing((FindingView v) -> -ClusterStatus.rank(v.severity()))));
        return byCluster;
    }

    /** {@code region|kind|cluster} of the alarm's owner, when the alarm is one of a cluster's. */
    private static java.util.Optional<String> owned(String prefix, String region, String name, AlarmOwner owner) {
        if (owner == null || owner.cluster() == null || !name.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        String rest = name.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? java.util.Optional.empty() : java.util.Optional.of(region + "|" + rest.substring(0, slash) + "|" + owner.cluster());
    }

    /** The desired alarm of a create or update of the alarm kind. */
    private static DesiredAlarm desired(Change<?> change) {
        return (DesiredAlarm) change.desired();
    }

    private static AlarmView.Sync sync(Change<?> change, Outcome outcome) {
        if (change == null) {
            return AlarmView.Sync.IN_SYNC;
        }
        if (outcome == null) {
            return AlarmView.Sync.DRIFTED;
        }
        return outcome.applied() ? AlarmView.Sync.CORRECTED : AlarmView.Sync.FAILED;
    }

    /** {@code EngineCPUUtilization Average > 80 for 3 of 3 × 60 s}. */
    static String condition(AlarmSpec spec) {
        if (spec.comparison() == null) {
            return spec.metricName() + " (a condition cachewatch does not express; rewritten by the next run)";
        }
        return spec.metricName() + " " + spec.statistic() + " " + spec.comparison().symbol() + " " + number(spec.threshold())
                + " for " + spec.datapointsToAlarm() + " of " + spec.evaluationPeriods() + " × " + spec.period() + " s";
    }

    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static Set<String> dashboards(Run run) {
        Set<String> names = new HashSet<>(run.listedDashboards());
        if (run.report() != null) {
            for (Outcome o : run.report().outcomes()) {
                if (!DASHBOARD.equals(o.change().kind())) {
                    continue;
                }
                if (o.applied() && o.change().action() == Action.DELETE) {
                    names.remove(o.change().name());
                } else if (o.applied()) {
                    names.add(o.change().name());
                }
            }
        }
        return names;
    }

    private static List<NodeView> nodes(Cluster c) {
        List<NodeView> nodes = new ArrayList<>();
        for (Shard s : c.shards()) {
            for (Node n : s.nodes()) {
                nodes.add(new NodeView(n.cacheClusterId(), n.id(), s.id(), n.role().id(),
                        n.availabilityZone()));
            }
        }
        return nodes;
    }
}
