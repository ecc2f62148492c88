package io.cachewatch.slowlog;

import java.util.List;

/**
 * Everything read from one cluster in one poll: the reads of the nodes' logs (one per node and log), the nodes that
 * failed, and the nodes read with SLOWLOG although their version has COMMANDLOG (renamed or denied), with the reason.
 */
public record ClusterRead(SlowlogCluster cluster, List<NodeRead> nodes, List<NodeFailure> failures, List<NodeFailure> fallbacks) {
    public ClusterRead {
        nodes = List.copyOf(nodes);
        failures = List.copyOf(failures);
        fallbacks = List.copyOf(fallbacks);
    }

    public ClusterRead(SlowlogCluster cluster, List<NodeRead> nodes, List<NodeFailure> failures) {
        this(cluster, nodes, failures, List.of());
    }
}
