package io.cachewatch.report;

/**
 * Something that went wrong during a run.
 *
 * @param source {@code discovery}, {@code cluster}, {@code alarms} (reading or writing alarms), {@code config}
 * @param region null when not tied to a region
 * @param cluster null when not tied to a cluster
 */
public record ReportError(String source, String region, String cluster, String message) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(source);
        if (region != null) {
            b.append(' ').append(region);
        }
        if (cluster != null) {
            b.append(" cluster ").append(cluster);
        }
        return b.append(": ").append(message).toString();
    }
}
