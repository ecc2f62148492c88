package io.cachewatch.plan;

/** A rule that applies to a resource but cannot be turned into an alarm for it, and why. */
public record Skip(String region, String cluster, String target, String rule, String reason) {
}
