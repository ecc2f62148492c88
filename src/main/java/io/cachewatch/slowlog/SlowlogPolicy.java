package io.cachewatch.slowlog;

import java.time.Duration;
import java.util.Set;

/**
 * How entries become findings.
 *
 * @param warningMicros        an entry this slow is at least a warning
 * @param criticalMicros       an entry this slow is critical
 * @param longScriptMicros     EVAL/FCALL at least this slow count as long scripts
 * @param topN                 rows of the top-pattern and top-client tables
 * @param rawArgsClusters      clusters whose findings may show raw (server-truncated) arguments; empty by default
 * @param suppressFor          a repeat of the same cluster, kind and patterns within this window is not sent again…
 * @param worseFactor          …unless its severity rose or its max duration grew by this factor
 * @param ownClientName        entries of this client (the collector itself) are ignored
 * @param ignoredCommands      commands never reported (upper case), by default the replication link's own
 */
public record SlowlogPolicy(long warningMicros, long criticalMicros, long longScriptMicros, int topN,
                            Set<String> rawArgsClusters, Duration suppressFor, double worseFactor, String ownClientName,
                            Set<String> ignoredCommands) {
    /** Commands the replication link itself sends; not caused by any client. */
    public static final Set<String> REPLICATION_COMMANDS = Set.of("REPLCONF", "PSYNC", "SYNC");

    public static final String OWN_CLIENT_NAME = "cachewatch-slowlog";

    public SlowlogPolicy {
        rawArgsClusters = Set.copyOf(rawArgsClusters);
        ignoredCommands = ignoredCommands.stream().map(c -> c.trim().toUpperCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (warningMicros > criticalMicros) {
            throw new IllegalArgumentException("slow-log thresholds: warning (" + warningMicros + " µs) is above critical (" + criticalMicros + " µs)");
        }
    }

    public static SlowlogPolicy defaults() {
        return new SlowlogPolicy(100_000, 1_000_000, 50_000, 5, Set.of(), Duration.ofHours(1), 2.0, OWN_CLIENT_NAME, REPLICATION_COMMANDS);
    }

    /**
     * A kind's severity for its largest entry: by duration for slow-log kinds; a size-log kind (large requests or
     * replies, already over the server's own threshold) has its kind's severity, the µs thresholds do not apply.
     */
    public Severity severityOf(FindingKind kind, long durationMicros) {
        if (kind.log().measuresSize()) {
            return kind.minimum();
        }
        Severity byDuration = durationMicros >= criticalMicros ? Severity.CRITICAL
                : durationMicros >= warningMicros ? Severity.WARNING : Severity.INFO;
        return byDuration.atLeast(kind.minimum());
    }
}
