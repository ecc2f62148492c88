package io.cachewatch.slowlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One poll's worth of processing: moves every node's cursor past what was read, analyzes the new entries per cluster
 * and splits the findings into those to send and those suppressed as repeats. Cursors are keyed by cluster, node and
 * log type ({@link #cursorKey}).
 */
public final class SlowlogPoll {
    /**
     * What a poll found.
     *
     * @param entries new entries read (past each node's cursor), before any filtering
     * @param activity per cluster of which at least one node was read: what the metrics publish
     * @param entriesByLog {@code entries} per log type read this poll (slow, large-request, large-reply)
     * @param fallbacks nodes read with SLOWLOG although their version has COMMANDLOG, with the reason
     */
    public record Outcome(List<Finding> findings, List<Finding> toSend, List<Finding> suppressed, List<NodeFailure> failures,
                          int nodesRead, List<String> restartedNodes, int entries, List<ClusterActivity> activity,
                          Map<LogType, Integer> entriesByLog, List<NodeFailure> fallbacks) {
        /** A poll that read nothing. */
        public static Outcome empty() {
            return new Outcome(List.of(), List.of(), List.of(), List.of(), 0, List.of(), 0, List.of(), Map.of(), List.of());
        }
    }

    private final SlowlogAnalyzer analyzer;
    private final String ownClientName;
    private final Map<String, NodeCursor> cursors;

    public SlowlogPoll(SlowlogPolicy policy, Map<String, NodeCursor> cursors) {
        this.analyzer = new SlowlogAnalyzer(policy);
        this.ownClientName = policy.ownClientName();
        this.cursors = new TreeMap<>();
        (cursors == null ? Map.<String, NodeCursor>of() : cursors).forEach((key, cursor) -> this.cursors.put(withLogType(key), cursor));
    }

    /** "region/kind/cluster|node|log": each of a node's logs has its own ids, so its own cursor. */
    public static String cursorKey(SlowlogCluster cluster, String node, LogType log) {
        return cluster.key() + "|" + node + "|" + log.id();
    }

    /**
     * A key kept before logs had types ("region/kind/cluster|node", neither part holds a '|') is the slow log's: SLOWLOG
     * and COMMANDLOG's slow log share their ids, so its cursor carries on whichever command reads the node next.
     */
    static String withLogType(String key) {
        return key.indexOf('|') == key.lastIndexOf('|') ? key + "|" + LogType.SLOW.id() : key;
    }

    public NodeCursor cursor(SlowlogCluster cluster, String node, LogType log) {
        return cursors.get(cursorKey(cluster, node, log));
    }

    public Map<String, NodeCursor> cursors() {
        return new TreeMap<>(cursors);
    }

    public Outcome process(List<ClusterRead> reads, Suppression suppression, Instant now) {
        List<Finding> findings = new ArrayList<>();
        List<Finding> toSend = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        List<NodeFailure> failures = new ArrayList<>();
        List<String> restarted = new ArrayList<>();
        List<ClusterActivity> activity = new ArrayList<>();
        List<NodeFailure> fallbacks = new ArrayList<>();
        Map<LogType, Integer> entriesByLog = new java.util.EnumMap<>(LogType.class);
        int nodesRead = 0;
        int entries = 0;
        for (ClusterRead read : reads) {
            failures.addAll(read.failures());
            fallbacks.addAll(read.fallbacks());
            List<NodeEntries> window = new ArrayList<>();
            for (NodeRead node : read.nodes()) {
                if (node.log() == LogType.SLOW) { // every node read has its slow log read
                    nodesRead++;
                }
                String key = cursorKey(read.cluster(), node.node(), node.log());
                NodeCursor.Advance advance = NodeCursor.advance(cursors.get(key), node.runId(), node.newestId(), node.entries(),
                        e -> e.clientName().equals(ownClientName));
                cursors.put(key, advance.next());
                if (advance.restarted() && node.log() == LogType.SLOW) {
                    restarted.add(read.cluster().id() + "/" + node.node());
                }
                entries += advance.newEntries().size();
                entriesByLog.merge(node.log(), advance.newEntries().size(), Integer::sum);
                window.add(new NodeEntries(node.node(), advance.newEntries(), advance.lost(), node.log()));
            }
            if (!window.isEmpty()) {
                activity.add(analyzer.activity(read.cluster(), window));
            }
            for (Finding f : analyzer.analyze(read.cluster(), window)) {
                findings.add(f);
                if (suppression.suppressed(f, now)) {
                    suppressed.add(f);
                } else {
                    toSend.add(f);
                }
            }
        }
        return new Outcome(findings, toSend, suppressed, failures, nodesRead, restarted, entries, activity, entriesByLog, fallbacks);
    }
}
