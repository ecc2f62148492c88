package io.cachewatch.slowlog;

import java.util.List;

/** Everything read from one cluster in one poll: the nodes read and the nodes that failed. */
public record ClusterRead(SlowlogCluster cluster, List<NodeRead> nodes, List<NodeFailure> failures) {
    public ClusterRead {
        nodes = List.copyOf(nodes);
        failures = List.copyOf(failures);
    }
}
