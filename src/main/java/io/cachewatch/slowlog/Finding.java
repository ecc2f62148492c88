package io.cachewatch.slowlog;

import java.time.Instant;
import java.util.List;

/**
 * What one cluster's slow log said in one window about one kind of command. Holds command names, key patterns and
 * client names/addresses; argument values only in {@link PatternStat#rawExample()} when the cluster allows raw
 * arguments.
 *
 * @param fingerprint deterministic over cluster, kind and the exact entries (node and ids): the same entries always
 *                    give the same fingerprint (FIFO deduplication ids)
 */
public record Finding(SlowlogCluster cluster, FindingKind kind, Severity severity, int count, long maxMicros,
                      long p50Micros, long p99Micros, List<PatternStat> topPatterns, int patterns, List<ClientStat> topClients,
                      List<String> nodes, long lost, Instant from, Instant to, String fingerprint) {
    public Finding {
        topPatterns = List.copyOf(topPatterns);
        topClients = List.copyOf(topClients);
        nodes = List.copyOf(nodes);
    }

    /** One command + key pattern within a finding. */
    public record PatternStat(String command, String keyPattern, int count, long maxMicros, String rawExample) {
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
        return cluster.id() + ": " + count + " × " + kind.title() + " (max " + Durations.format(maxMicros) + ")";
    }
}
