package io.cachewatch.usage;

import io.cachewatch.alarm.AlarmTarget;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.Shard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric queries the usage checks need for a region's clusters, and the assembly of their answers into one
 * {@link ClusterUsage} per cluster. Dimensions come from {@link AlarmTarget}, the one place that knows how each kind
 * publishes its metrics. Pure: reading is the adapter's business.
 */
public final class UsagePlan {
    /** Which node and figure a query serves. */
    private record Wanted(Cluster cluster, int node, Figure figure) {
    }

    /** One node (or serverless cache) to read. */
    private record Target(String label, String shard, NodeRole role, AlarmTarget alarmTarget) {
    }

    private final Instant from;
    private final Instant to;
    private final Map<Cluster, List<Target>> targets = new LinkedHashMap<>();
    private final List<Wanted> wanted = new ArrayList<>();
    private final List<MetricQuery> queries = new ArrayList<>();

    private UsagePlan(List<Cluster> clusters, Instant from, Instant to) {
        this.from = from;
        this.to = to;
        for (Cluster cluster : clusters) {
            List<Target> nodes = targets(cluster);
            targets.put(cluster, nodes);
            Map<Figure, List<String>> metrics = UsageMetrics.of(cluster);
            for (int i = 0; i < nodes.size(); i++) {
                for (Map.Entry<Figure, List<String>> figure : metrics.entrySet()) {
                    for (String metric : figure.getValue()) {
                        wanted.add(new Wanted(cluster, i, figure.getKey()));
                        queries.add(new MetricQuery(cluster.kind().namespace(), metric, nodes.get(i).alarmTarget().dimensions(),
                                figure.getKey().statistic(), figure.getKey().periodSeconds()));
                    }
                }
            }
        }
    }

    /** @param to the end of the lookback; {@code from} its start */
    public static UsagePlan of(List<Cluster> clusters, Instant from, Instant to) {
        return new UsagePlan(clusters, from, to);
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }

    /** The queries, in a stable order; {@link #assemble} takes their answers in the same order. */
    public List<MetricQuery> queries() {
        return List.copyOf(queries);
    }

    /** Cluster key → usage, from one series per query (same order as {@link #queries}). */
    public Map<String, ClusterUsage> assemble(List<Series> answers) {
        if (answers.size() != queries.size()) {
            throw new IllegalArgumentException(answers.size() + " answers for " + queries.size() + " queries");
        }
        Map<Cluster, List<Map<Figure, List<Series>>>> parts = new LinkedHashMap<>();
        targets.forEach((cluster, nodes) -> {
            List<Map<Figure, List<Series>>> perNode = new ArrayList<>();
            nodes.forEach(n -> perNode.add(new EnumMap<>(Figure.class)));
            parts.put(cluster, perNode);
        });
        for (int i = 0; i < wanted.size(); i++) {
            Wanted w = wanted.get(i);
            parts.get(w.cluster()).get(w.node()).computeIfAbsent(w.figure(), f -> new ArrayList<>()).add(answers.get(i));
        }
        Map<String, ClusterUsage> usage = new LinkedHashMap<>();
        parts.forEach((cluster, perNode) -> {
            List<ClusterUsage.NodeUsage> nodes = new ArrayList<>();
            List<Target> ts = targets.get(cluster);
            for (int i = 0; i < ts.size(); i++) {
                Map<Figure, Series> figures = new EnumMap<>(Figure.class);
                perNode.get(i).forEach((figure, series) -> figures.put(figure, Series.sumOf(series)));
                nodes.add(new ClusterUsage.NodeUsage(ts.get(i).label(), ts.get(i).shard(), ts.get(i).role(), figures));
            }
            usage.put(cluster.key(), new ClusterUsage(from, to, nodes));
        });
        return usage;
    }

    private static List<Target> targets(Cluster cluster) {
        if (cluster.kind() == ClusterKind.SERVERLESS) {
            AlarmTarget t = AlarmTarget.ofCluster(cluster).get(0);
            return List.of(new Target(t.label(), null, NodeRole.UNKNOWN, t));
        }
        List<Target> nodes = new ArrayList<>();
        for (Shard shard : cluster.shards()) {
            for (Node node : shard.nodes()) {
                AlarmTarget t = AlarmTarget.ofNode(cluster, shard, node);
                nodes.add(new Target(t.label(), shard.id(), node.role(), t));
            }
        }
        return nodes;
    }
}
