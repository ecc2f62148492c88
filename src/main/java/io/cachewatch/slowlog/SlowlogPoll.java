package io.cachewatch.slowlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One poll's worth of processing: moves every node's cursor past what was read, analyzes the new entries per cluster
 * and splits the findings into those to send and those suppressed as repeats. Cursors are keyed by cluster and node.
 */
public final class SlowlogPoll {
    /**
     * What a poll found.
     *
     * @param entries new entries read (past each node's cursor), before any filtering
     * @param activity per cluster of which at least one node was read: what the metrics publish
     */
    public record Outcome(List<Finding> findings, List<Finding> toSend, List<Finding> suppressed, List<NodeFailure> failures,
                          int nodesRead, List<String> restartedNodes, int entries, List<ClusterActivity> activity) {
    }

    private final SlowlogAnalyzer analyzer;
    private final String ownClientName;
    private final Map<String, NodeCursor> cursors;

    public SlowlogPoll(SlowlogPolicy policy, Map<String, NodeCursor> cursors) {
        this.analyzer = new SlowlogAnalyzer(policy);
        this.ownClientName = policy.ownClientName();
        this.cursors = new TreeMap<>(cursors == null ? Map.of() : cursors);
    }

    public static String cursorKey(SlowlogCluster cluster, String node) {
        return cluster.key() + "|" + node;
    }

    public NodeCursor cursor(SlowlogCluster cluster, String node) {
        return cursors.get(cursorKey(cluster, node));
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
        int nodesRead = 0;
        int entries = 0;
        for (ClusterRead read : reads) {
            failures.addAll(read.failures());
            List<NodeEntries> window = new ArrayList<>();
            for (NodeRead node : read.nodes()) {
                nodesRead++;
                String key = cursorKey(read.cluster(), node.node());
                NodeCursor.Advance advance = NodeCursor.advance(cursors.get(key), node.runId(), node.newestId(), node.entries(),
                        e -> e.clientName().equals(ownClientName));
                cursors.put(key, advance.next());
                if (advance.restarted()) {
                    restarted.add(read.cluster().id() + "/" + node.node());
                }
                entries += advance.newEntries().size();
                window.add(new NodeEntries(node.node(), advance.newEntries(), advance.lost()));
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
        return new Outcome(findings, toSend, suppressed, failures, nodesRead, restarted, entries, activity);
    }
}
