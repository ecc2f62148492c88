package io.cachewatch.alarm;

/**
 * A cluster whose desired alarms cannot be known (unknown profile, bad override tag). Its managed alarms are held
 * as they are: neither updated nor deleted.
 */
public record ClusterProblem(String region, String cluster, String message) {
}
