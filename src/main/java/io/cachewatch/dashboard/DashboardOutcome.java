package io.cachewatch.dashboard;

/** What became of a planned dashboard change. */
public record DashboardOutcome(DashboardChange change, boolean applied, String error) {
}
