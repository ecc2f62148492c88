package io.cachewatch.slowlog;

import java.util.List;

/**
 * What one poll saw of one cluster, for metrics: counted like findings (own client and ignored commands left out).
 *
 * @param slowCommands new slow-log entries on the nodes read
 * @param maxMicros    duration of the slowest of them, 0 when there were none
 * @param lost         entries logged but rotated out of the log before they could be read (every log)
 * @param large        per COMMANDLOG size log (large-request, large-reply) read on at least one node: what it held;
 *                     empty when no node of the cluster was read with COMMANDLOG (unknown, not zero)
 */
public record ClusterActivity(SlowlogCluster cluster, long slowCommands, long maxMicros, long lost, List<Large> large) {
    public ClusterActivity {
        large = List.copyOf(large);
    }

    public ClusterActivity(SlowlogCluster cluster, long slowCommands, long maxMicros, long lost) {
        this(cluster, slowCommands, maxMicros, lost, List.of());
    }

    /** New entries of one size log and the largest of them (0 when none). */
    public record Large(LogType log, long count, long maxBytes) {
    }
}
