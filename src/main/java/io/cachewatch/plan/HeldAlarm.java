package io.cachewatch.plan;

/** A managed alarm a delete was planned for but that a safety rule keeps, and why. */
public record HeldAlarm(String region, String name, String reason) {
}
