package io.cachewatch.slowlog;

/**
 * What one poll saw of one cluster, for metrics: counted like findings (own client and ignored commands left out).
 *
 * @param slowCommands new slow-log entries on the nodes read
 * @param maxMicros    duration of the slowest of them, 0 when there were none
 * @param lost         entries logged but rotated out of the log before they could be read
 */
public record ClusterActivity(SlowlogCluster cluster, long slowCommands, long maxMicros, long lost) {
}
