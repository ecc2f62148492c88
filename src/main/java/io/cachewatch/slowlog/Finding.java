package io.cachewatch.slowlog;

import java.time.Instant;
import java.util.List;

/**
 * What one cluster's slow log said in one window about one kind of command. Holds command names, key patterns and
 * client names/addresses; argument values only in {@link PatternStat#rawExample()} when the cluster allows raw
 * arguments.
 *
 * @param max         the largest value of the finding's entries: execution time in µs, or size in bytes for the kinds of
 *                    COMMANDLOG's size logs ({@link FindingKind#log()}, {@link #format(long)}); p50 and p99 likewise
 * @param fingerprint deterministic over cluster, kind and the exact entries (node and ids): the same entries always
 *                    give the same fingerprint (FIFO deduplication ids)
 */
public record Finding(SlowlogCluster cluster, FindingKind kind, Severity severity, int count, long max,
                      long p50, long p99, List<PatternStat> topPatterns, int patterns, List<ClientStat> topClients,
                      List<String> nodes, long lost, Instant from, Instant to, String fingerprint) {
    public Finding {
        topPatterns = List.copyOf(topPatterns);
        topClients = List.copyOf(topClients);
        nodes = List.copyOf(nodes);
    }

    /** One command + key pattern within a finding; {@code max} in the finding's unit. */
    public record PatternStat(String command, String keyPattern, int count, long max, String rawExample) {
        public String label() {
            return new CommandShape(command, keyPattern).label();
        }
    }

    /** A client by name and host (the port is ephemeral). */
    public record ClientStat(String name, String host, int count) {
        public String label() {
            return (name.isEmpty() ? "(unnamed)" : name) + " @ " + (host.isEmpty() ? "?" : host);
        }
    }

    /** "orders: 3 KEYS scans the whole keyspace (max 1.2 s)". */
    public String headline() {
        if (kind == FindingKind.LOST) {
            return cluster.id() + ": " + lost + " " + kind.title();
        }
        return cluster.id() + ": " + count + " × " + kind.title() + " (max " + format(max) + ")";
    }

    /** A value of this finding for people: a duration, or a size for large requests and replies. */
    public String format(long value) {
        return kind.log().format(value);
    }
}
