package io.cachewatch.plan;

/** A managed resource a change was planned for but that a safety rule keeps as it is, and why. */
public record Held(String kind, String region, String name, String reason) {
}
