package io.cachewatch.console;

/** A node of a cluster: the ids CloudWatch publishes it under, its role and zone (null when not reported). */
public record NodeView(String cacheClusterId, String id, String shard, String role, String availabilityZone) {
}
