package io.cachewatch.slowlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom CloudWatch metrics of the slow-log pipeline, namespace {@value #NAMESPACE}, one set per cluster and poll,
 * dimensions {@code ClusterId} (replication group / cache cluster id, MemoryDB cluster name) and {@code Kind}, the
 * cluster's identity kind ({@code elasticache} for a replication group, {@code cachecluster} for a standalone cache
 * cluster, {@code memorydb}: the same id can exist as each). Metrics are regional, so the
 * region needs no dimension.
 *
 * <p>{@code SlowCommands} and {@code LostEntries} are published on every poll that read at least one node of the
 * cluster, zeros included: the alarm then sees real data and settles in OK instead of INSUFFICIENT_DATA, and a gap
 * means "not read" (cachewatch down, cluster unreachable), which the alarm treats as notBreaching because the failed
 * read is reported on its own. {@code MaxDuration} is published only when there were entries: a 0 µs "maximum"
 * would pull down every statistic but Maximum. A cluster none of whose nodes could be read publishes nothing.
 *
 * <p>Valkey 8.1+ nodes read with COMMANDLOG add {@code LargeCommands} (Count, zeros included) and {@code MaxSize} (Bytes,
 * only when there were entries) per size log, with a third dimension {@code LogType} ({@code large-request},
 * {@code large-reply}); clusters with no node read with COMMANDLOG publish neither (unknown, not zero).
 */
public final class SlowlogMetrics {
    public static final String NAMESPACE = "cachewatch/SlowLog";
    public static final String SLOW_COMMANDS = "SlowCommands";
    public static final String MAX_DURATION = "MaxDuration";
    public static final String LOST_ENTRIES = "LostEntries";
    /** The metrics with the cluster's dimensions only, which alarm profiles may name ({@code scope: cluster}). */
    public static final List<String> NAMES = List.of(SLOW_COMMANDS, MAX_DURATION, LOST_ENTRIES);
    public static final String LARGE_COMMANDS = "LargeCommands";
    public static final String MAX_SIZE = "MaxSize";
    public static final String LOG_TYPE_DIMENSION = "LogType";
    public static final String CLUSTER_DIMENSION = "ClusterId";
    public static final String KIND_DIMENSION = "Kind";
    /** PutMetricData takes at most 1,000 metrics per request (CloudWatch API reference, PutMetricData). */
    public static final int MAX_PER_CALL = 1000;

    /** One value of one metric; {@code unit} is a CloudWatch StandardUnit name. */
    public record Point(String region, String name, String unit, double value, Map<String, String> dimensions, Instant timestamp) {
        public Point {
            dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        }
    }

    private SlowlogMetrics() {
    }

    /** Dimensions of a cluster's metrics, in the order alarms name them. */
    public static Map<String, String> dimensions(String clusterId, String kind) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put(CLUSTER_DIMENSION, clusterId);
        dims.put(KIND_DIMENSION, kind);
        return dims;
    }

    public static List<Point> points(List<ClusterActivity> activity, Instant at) {
        List<Point> points = new ArrayList<>();
        for (ClusterActivity a : activity) {
            SlowlogCluster c = a.cluster();
            Map<String, String> dims = dimensions(c.id(), c.kind());
            points.add(new Point(c.region(), SLOW_COMMANDS, "Count", a.slowCommands(), dims, at));
            if (a.slowCommands() > 0) {
                points.add(new Point(c.region(), MAX_DURATION, "Microseconds", a.maxMicros(), dims, at));
            }
            points.add(new Point(c.region(), LOST_ENTRIES, "Count", a.lost(), dims, at));
            for (ClusterActivity.Large large : a.large()) {
                Map<String, String> logDims = new LinkedHashMap<>(dims);
                logDims.put(LOG_TYPE_DIMENSION, large.log().id());
                points.add(new Point(c.region(), LARGE_COMMANDS, "Count", large.count(), logDims, at));
                if (large.count() > 0) {
                    points.add(new Point(c.region(), MAX_SIZE, "Bytes", large.maxBytes(), logDims, at));
                }
            }
        }
        return points;
    }

    /** Points per region (metrics are regional), cut into PutMetricData calls of at most {@link #MAX_PER_CALL}. */
    public static Map<String, List<List<Point>>> calls(List<Point> points) {
        Map<String, List<Point>> byRegion = new LinkedHashMap<>();
        points.forEach(p -> byRegion.computeIfAbsent(p.region(), r -> new ArrayList<>()).add(p));
        Map<String, List<List<Point>>> calls = new LinkedHashMap<>();
        byRegion.forEach((region, list) -> {
            List<List<Point>> batches = new ArrayList<>();
            for (int from = 0; from < list.size(); from += MAX_PER_CALL) {
                batches.add(List.copyOf(list.subList(from, Math.min(list.size(), from + MAX_PER_CALL))));
            }
            calls.put(region, batches);
        });
        return calls;
    }
}
