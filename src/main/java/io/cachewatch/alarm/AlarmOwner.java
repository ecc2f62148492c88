package io.cachewatch.alarm;

/**
 * Which resource and rule an alarm exists for. Written into every managed alarm's description (a machine-readable
 * last line), because DescribeAlarms does not return tags and reading them would cost one call per alarm.
 *
 * @param node null for cluster-level alarms (serverless caches, cluster-scope rules)
 */
public record AlarmOwner(String region, String cluster, String node, String rule, String profile) {
}
