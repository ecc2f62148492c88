package io.cachewatch.slowlog;

/** A node that could not be read, with the reason (never a credential). */
public record NodeFailure(String cluster, String node, String reason) {
}
