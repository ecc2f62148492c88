package io.cachewatch.usage;

import io.cachewatch.inventory.NodeRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one cluster over the lookback, per node (a serverless cache is one "node" named after itself).
 *
 * @param from     start of the lookback (inclusive)
 * @param to       end of the lookback (exclusive)
 * @param nodes    in inventory order
 */
public record ClusterUsage(Instant from, Instant to, List<NodeUsage> nodes) {
    public ClusterUsage {
        nodes = List.copyOf(nodes);
    }

    /**
     * One node's figures.
     *
     * @param label as alarm names show it ({@code orders-0001-001/0001}, a MemoryDB node name, a serverless cache name)
     * @param shard its shard id; null for serverless caches
     */
    public record NodeUsage(String label, String shard, NodeRole role, Map<Figure, Series> figures) {
        public NodeUsage {
            Map<Figure, Series> copy = new EnumMap<>(Figure.class);
            copy.putAll(figures);
            figures = Collections.unmodifiableMap(copy);
        }

        /** The series of a figure; empty when no datapoint came back or the kind does not publish it. */
        public Series get(Figure figure) {
            return figures.getOrDefault(figure, Series.EMPTY);
        }

        /** Whether the kind publishes the figure at all (it was asked for). */
        public boolean has(Figure figure) {
            return figures.containsKey(figure);
        }
    }

    public Duration lookback() {
        return Duration.between(from, to);
    }

    /**
     * How much metric history the cluster has within the lookback, judged from its datapoints: from its earliest
     * datapoint of any figure to the end of the lookback; zero without any datapoint.
     */
    public Duration history() {
        Instant first = nodes.stream().flatMap(n -> n.figures().values().stream()).map(Series::first).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        return first == null ? Duration.ZERO : Duration.between(first, to);
    }
}
