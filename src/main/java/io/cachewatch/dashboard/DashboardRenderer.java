package io.cachewatch.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.alarm.AlarmTarget;
import io.cachewatch.plan.ClusterProblem;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.alarm.Dimension;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.plan.ClusterProblem;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.inventory.Shard;
import io.cachewatch.profile.DashboardChoice;
import io.cachewatch.profile.ProfileChoice;
import io.cachewatch.profile.ProfileSelector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders a region's dashboards: one per cluster (split into numbered pages when CloudWatch's limits require it)
 * and one fleet overview. The template of a cluster is its {@code cachewatch:dashboard} tag, else the one its profile
 * names ({@code dashboard:}), else the default of its kind; {@code off} in either place opts the cluster out. Every
 * body is parsed and checked here, before anything is written.
 */
public final class DashboardRenderer {
    public static final String TAG = "cachewatch:dashboard";
    public static final String FLEET = "fleet";

    private final DashboardTemplates templates;
    private final DashboardNaming naming;
    private final ProfileSelector selector;
    private final Map<String, DashboardChoice> profileChoices;
    private final String runbookUrl;
    private final DashboardLimits limits;

    /** @param profileChoices profile name → the dashboard templates that profile names */
    public DashboardRenderer(DashboardTemplates templates, DashboardNaming naming, ProfileSelector selector,
                             Map<String, DashboardChoice> profileChoices, String runbookUrl, DashboardLimits limits) {
        this.templates = templates;
        this.naming = naming;
        this.selector = selector;
        this.profileChoices = Map.copyOf(profileChoices);
        this.runbookUrl = runbookUrl == null ? "" : runbookUrl;
        this.limits = limits;
    }

    /** The default template of a cluster without a {@code cachewatch:dashboard} tag. */
    public static String defaultTemplate(Cluster cluster) {
        return switch (cluster.kind()) {
            case SERVERLESS -> "serverless";
            case MEMORYDB -> "memorydb";
            case ELASTICACHE -> cluster.engine() == Engine.MEMCACHED ? "memcached" : "redis";
        };
    }

    /** The template a cluster asked for and who asked: its tag, else its profile, else its kind's default. */
    record Chosen(String template, String because) {
    }

    static Chosen choose(Cluster cluster, String profile, DashboardChoice byProfile) {
        String tag = cluster.tags().get(TAG);
        if (tag != null && !tag.isBlank()) {
            return new Chosen(tag.trim(), "tag " + TAG + "=" + tag.trim());
        }
        String kindDefault = defaultTemplate(cluster);
        return byProfile.forDefault(kindDefault)
                .map(e -> new Chosen(e.template(), "profile " + profile + " (" + e.location() + ": " + e.field() + ")"))
                .orElse(new Chosen(kindDefault, "default of " + cluster.kind().id() + " " + cluster.engine().id()));
    }

    public RenderedRegion forRegion(RegionInventory region, DesiredState alarms) {
        List<DesiredDashboard> dashboards = new ArrayList<>();
        List<ClusterProblem> problems = new ArrayList<>();
        Map<ClusterRef, List<DesiredAlarm>> alarmsByCluster = alarms.alarms().stream()
                .collect(Collectors.groupingBy(a -> a.owner().ref(), LinkedHashMap::new, Collectors.toList()));
        // clusters render independently (templates are thread-safe), so a large region uses every core; order is kept
        List<Outcome> outcomes = region.clusters().parallelStream()
                .map(cluster -> forCluster(cluster, alarms, alarmsByCluster)).toList();
        for (Outcome outcome : outcomes) {
            dashboards.addAll(outcome.dashboards());
            if (outcome.problem() != null) {
                problems.add(outcome.problem());
            }
        }
        try {
            dashboards.addAll(fleet(region, alarms.alarms()));
        } catch (DashboardTemplates.RenderProblem e) {
            problems.add(new ClusterProblem(region.region(), ClusterRef.ofFleet(region.region()), "fleet dashboard: " + e.getMessage()));
        }
        return new RenderedRegion(region.region(), dashboards, problems);
    }

    /** What one cluster contributes: its pages, or a problem. */
    private record Outcome(List<DesiredDashboard> dashboards, ClusterProblem problem) {
        static final Outcome NONE = new Outcome(List.of(), null);
    }

    /** A cluster that is gone, opted out or has a problem gets none: the plan deletes or holds what it has. */
    private Outcome forCluster(Cluster cluster, DesiredState alarms, Map<ClusterRef, List<DesiredAlarm>> alarmsByCluster) {
        if (DesiredAlarms.gone(cluster) || alarms.heldClusters().contains(cluster.ref())
                || !(selector.choose(cluster.tags()) instanceof ProfileChoice.Use use)) {
            return Outcome.NONE;
        }
        Chosen chosen = choose(cluster, use.profile(), profileChoices.getOrDefault(use.profile(), DashboardChoice.NONE));
        if (chosen.template().equalsIgnoreCase(DashboardChoice.OFF)) {
            return Outcome.NONE;
        }
        try {
            DashboardTemplates.Source source = templates.findForCluster(chosen.template()).orElseThrow(() -> new DashboardTemplates.RenderProblem(
                    chosen.because() + " names no cluster dashboard template (known: " + templates.clusterNames() + ")"));
            return new Outcome(clusterPages(cluster, use.profile(), source, alarmsByCluster.getOrDefault(cluster.ref(), List.of())), null);
        } catch (DashboardTemplates.RenderProblem e) {
            return new Outcome(List.of(), new ClusterProblem(cluster.region(), cluster.ref(), "dashboard: " + e.getMessage()));
        }
    }

    private record Placed(Shard shard, Node node) {
    }

    private List<DesiredDashboard> clusterPages(Cluster cluster, String profile, DashboardTemplates.Source source,
                                                List<DesiredAlarm> alarms) throws DashboardTemplates.RenderProblem {
        AlarmArns arns = AlarmArns.of(cluster).orElseThrow(() -> new DashboardTemplates.RenderProblem(
                "the account id cannot be read from the cluster ARN '" + cluster.arn() + "', so its alarms cannot be listed"));
        List<Placed> placed = new ArrayList<>();
        cluster.shards().forEach(s -> s.nodes().forEach(n -> placed.add(new Placed(s, n))));
        Thresholds thresholds = thresholds(alarms);
        List<String> targets = AlarmTarget.ofCluster(cluster).stream().map(t -> dims(t.dimensions())).toList();
        List<ObjectNode> bodies = paged(placed, (slice, page, pages) -> {
            Set<String> labels = new HashSet<>();
            Map<String, List<ClusterView.NodeView>> byShard = new LinkedHashMap<>();
            for (Placed p : slice) {
                AlarmTarget target = AlarmTarget.ofNode(cluster, p.shard(), p.node());
                labels.add(target.label());
                byShard.computeIfAbsent(p.shard().id(), k -> new ArrayList<>())
                        .add(new ClusterView.NodeView(target.label(), p.node().role().id(), dims(target.dimensions())));
            }
            List<ClusterView.ShardView> shards = cluster.shards().stream().filter(s -> byShard.containsKey(s.id()))
                    .map(s -> new ClusterView.ShardView(s.id(), cluster.hasReplicas(s), byShard.get(s.id()))).toList();
            List<String> pageAlarms = alarms.stream().filter(a -> a.owner().node() == null || labels.contains(a.owner().node()))
                    .map(a -> arns.arn(a.name())).toList();
            ClusterView view = new ClusterView(cluster.region(), cluster.id(), cluster.kind().id(), cluster.kind().namespace(),
                    cluster.engine().id(), engineName(cluster), nz(cluster.engineVersion()), nz(cluster.nodeType()),
                    nz(cluster.status()), cluster.clusterMode(), cluster.shards().size(),
                    cluster.shards().stream().mapToInt(s -> Math.max(0, s.nodes().size() - 1)).max().orElse(0),
                    cluster.nodes().size(), Console.url(cluster), runbookUrl, profile, page, pages, shards,
                    shards.stream().flatMap(s -> s.nodes().stream()).toList(), targets, groups(pageAlarms), thresholds);
            return DashboardMark.stamp(body(source, view, cluster.id()), naming.cluster(cluster, page), cluster.region(), cluster.ref());
        });
        List<DesiredDashboard> out = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            out.add(new DesiredDashboard(naming.cluster(cluster, i + 1), cluster.region(), cluster.ref(), source.name(), bodies.get(i)));
        }
        return out;
    }

    private List<DesiredDashboard> fleet(RegionInventory region, List<DesiredAlarm> alarms) throws DashboardTemplates.RenderProblem {
        DashboardTemplates.Source source = templates.find(FLEET).orElseThrow(() -> new DashboardTemplates.RenderProblem(
                "no template named '" + FLEET + "' (known: " + templates.names() + ")"));
        List<Cluster> clusters = region.clusters().stream().filter(c -> !DesiredAlarms.gone(c)).toList();
        AlarmArns arns = clusters.stream().map(AlarmArns::of).flatMap(java.util.Optional::stream).findFirst().orElse(null);
        List<String> all = arns == null ? List.of() : alarms.stream().map(a -> arns.arn(a.name())).toList();
        List<FleetView.Count> byEngine = counts(clusters.stream().map(c -> c.kind().id() + " " + engineName(c)).toList());
        List<FleetView.Count> byStatus = counts(clusters.stream().map(c -> nz(c.status())).toList());
        List<String> namespaces = clusters.stream().map(c -> c.kind().namespace()).distinct().sorted().toList();
        int nodes = clusters.stream().mapToInt(c -> c.nodes().size()).sum();
        List<ObjectNode> bodies = paged(all, (slice, page, pages) -> DashboardMark.stamp(body(source, new FleetView(region.region(), clusters.size(), nodes,
                byEngine, byStatus, namespaces, clusters.stream().anyMatch(c -> c.kind() == ClusterKind.ELASTICACHE),
                clusters.stream().anyMatch(c -> c.kind() == ClusterKind.MEMORYDB), groups(slice), page, pages), "fleet " + region.region()),
                DashboardNaming.page(naming.fleet(region.region()), page), region.region(), ClusterRef.ofFleet(region.region())));
        List<DesiredDashboard> out = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String name = DashboardNaming.page(naming.fleet(region.region()), i + 1);
            out.add(new DesiredDashboard(name, region.region(), ClusterRef.ofFleet(region.region()), FLEET, bodies.get(i)));
        }
        return out;
    }

    /** Renders one page from a slice of the items (nodes, alarms), its number and the page count. */
    private interface PageRenderer<T> {
        ObjectNode render(List<T> slice, int page, int pages) throws DashboardTemplates.RenderProblem;
    }

    /**
     * Splits the items into as few contiguous pages as keep every page within CloudWatch's limits. Counting on the
     * rendered body keeps this independent of the template: whatever a template draws per node is what is counted.
     */
    private <T> List<ObjectNode> paged(List<T> items, PageRenderer<T> renderer) throws DashboardTemplates.RenderProblem {
        int pages = 1;
        while (true) {
            int size = Math.max(1, (items.size() + pages - 1) / pages);
            List<List<T>> slices = new ArrayList<>();
            for (int from = 0; from < items.size(); from += size) {
                slices.add(items.subList(from, Math.min(items.size(), from + size)));
            }
            if (slices.isEmpty()) {
                slices.add(List.of());
            }
            List<ObjectNode> bodies = new ArrayList<>();
            double load = 0;
            for (int i = 0; i < slices.size(); i++) {
                ObjectNode body = renderer.render(slices.get(i), i + 1, slices.size());
                load = Math.max(load, limits.load(DashboardJson.count(body)));
                bodies.add(body);
            }
            if (load <= 1) {
                return bodies;
            }
            if (size == 1) {
                throw new DashboardTemplates.RenderProblem("a single page with one item exceeds CloudWatch's dashboard limits " + limits);
            }
            pages = Math.min(items.size(), Math.max(slices.size() + 1, (int) Math.ceil(slices.size() * load)));
        }
    }

    private static ObjectNode body(DashboardTemplates.Source source, Object view, String what) throws DashboardTemplates.RenderProblem {
        String text = DashboardTemplates.render(source, view);
        try {
            return DashboardJson.layout(DashboardJson.parse(text));
        } catch (DashboardJson.InvalidJson e) {
            String line = text.lines().skip(Math.max(0, e.line() - 1)).findFirst().orElse("").strip();
            throw new DashboardTemplates.RenderProblem(source.file() + ": rendered for " + what + ": " + e.getMessage()
                    + (line.isEmpty() ? "" : " (rendered line: " + line + ")"));
        }
    }

    private List<ClusterView.AlarmGroup> groups(List<String> arns) {
        List<ClusterView.AlarmGroup> groups = new ArrayList<>();
        int per = limits.alarmsPerWidget();
        int of = (arns.size() + per - 1) / per;
        for (int from = 0; from < arns.size(); from += per) {
            List<String> group = arns.subList(from, Math.min(arns.size(), from + per));
            groups.add(new ClusterView.AlarmGroup(groups.size() + 1, of, group,
                    group.stream().map(DashboardRenderer::quote).collect(Collectors.joining(","))));
        }
        return groups;
    }

    /** One annotation per distinct rule and threshold on each metric: {@code cpu-high > 80}. */
    static Thresholds thresholds(List<DesiredAlarm> alarms) {
        Map<String, Map<String, Double>> byMetric = new TreeMap<>();
        for (DesiredAlarm a : alarms) {
            String label = a.owner().rule() + " " + a.spec().comparison().symbol() + " " + number(a.spec().threshold());
            byMetric.computeIfAbsent(a.spec().metricName(), k -> new TreeMap<>()).put(label, a.spec().threshold());
        }
        Map<String, String> json = new TreeMap<>();
        byMetric.forEach((metric, lines) -> json.put(metric, lines.entrySet().stream()
                .map(e -> "{\"label\":\"" + e.getKey() + "\",\"value\":" + number(e.getValue()) + "}")
                .collect(Collectors.joining(",", "[", "]"))));
        return new Thresholds(json);
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** Dimensions as JSON array members, in the order CloudWatch lists them for the target. */
    private static String dims(List<Dimension> dimensions) {
        return dimensions.stream().map(d -> quote(d.name()) + "," + quote(d.value())).collect(Collectors.joining(","));
    }

    private static String quote(String s) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    private static List<FleetView.Count> counts(List<String> labels) {
        return labels.stream().collect(Collectors.groupingBy(l -> l, TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> new FleetView.Count(e.getKey(), e.getValue())).toList();
    }

    static String engineName(Cluster cluster) {
        return switch (cluster.engine()) {
            case REDIS -> "Redis OSS";
            case VALKEY -> "Valkey";
            case MEMCACHED -> "Memcached";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
