package io.cachewatch.slowlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one cluster's new entries of one window into findings: one per kind of command seen (slow-log entries by their
 * command, COMMANDLOG's large-request and large-reply entries as their own kinds), plus lost entries.
 */
public final class SlowlogAnalyzer {
    private final SlowlogPolicy policy;

    public SlowlogAnalyzer(SlowlogPolicy policy) {
        this.policy = policy;
    }

    private record Seen(String node, SlowlogEntry entry, FindingKind kind, CommandShape shape) {
    }

    public List<Finding> analyze(SlowlogCluster cluster, List<NodeEntries> window) {
        Map<FindingKind, List<Seen>> byKind = new EnumMap<>(FindingKind.class);
        Map<String, Set<String>> own = ownAddresses(window);
        for (NodeEntries node : window) {
            for (SlowlogEntry e : node.entries()) {
                if (!counted(e, own.get(node.node()))) {
                    continue;
                }
                FindingKind kind = FindingKind.classify(node.log(), e.args(), e.value(), policy.longScriptMicros());
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Seen(node.node(), e, kind, CommandShape.of(e.args())));
            }
        }
        List<Finding> findings = new ArrayList<>();
        byKind.forEach((kind, seen) -> findings.add(finding(cluster, kind, seen)));
        long lost = window.stream().mapToLong(NodeEntries::lost).sum();
        if (lost > 0) {
            List<String> nodes = window.stream().filter(n -> n.lost() > 0).map(NodeEntries::node).sorted().toList();
            String fingerprint = fingerprint(cluster, FindingKind.LOST, window.stream().filter(n -> n.lost() > 0)
                    .map(n -> n.node() + "=" + n.lost() + "@" + n.entries().stream().mapToLong(SlowlogEntry::id).max().orElse(-1)).toList());
            Instant now = window.stream().flatMap(n -> n.entries().stream()).map(e -> Instant.ofEpochSecond(e.timeSeconds()))
                    .max(Comparator.naturalOrder()).orElse(null);
            findings.add(new Finding(cluster, FindingKind.LOST, FindingKind.LOST.minimum(), 0, 0, 0, 0, List.of(), 0, List.of(),
                    nodes, lost, now, now, fingerprint));
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::kind));
        return findings;
    }

    /**
     * The window's totals for metrics, counting the same entries as the findings; the size logs only when at least one
     * node's was read.
     */
    public ClusterActivity activity(SlowlogCluster cluster, List<NodeEntries> window) {
        Map<String, Set<String>> own = ownAddresses(window);
        Map<LogType, long[]> byLog = new EnumMap<>(LogType.class);
        for (NodeEntries node : window) {
            long[] countAndMax = byLog.computeIfAbsent(node.log(), l -> new long[2]);
            for (SlowlogEntry e : node.entries()) {
                if (counted(e, own.get(node.node()))) {
                    countAndMax[0]++;
                    countAndMax[1] = Math.max(countAndMax[1], e.value());
                }
            }
        }
        long[] slow = byLog.getOrDefault(LogType.SLOW, new long[2]);
        List<ClusterActivity.Large> large = new ArrayList<>();
        byLog.forEach((log, countAndMax) -> {
            if (log.measuresSize()) {
                large.add(new ClusterActivity.Large(log, countAndMax[0], countAndMax[1]));
            }
        });
        return new ClusterActivity(cluster, slow[0], slow[1], window.stream().mapToLong(NodeEntries::lost).sum(), large);
    }

    /**
     * Entries of cachewatch's own connections and ignored commands (replication traffic) are neither findings nor
     * counted. A connection is cachewatch's when it named itself so; what it sent before naming itself (the client
     * library's PING on connect) is logged without the name but from the same address.
     */
    private boolean counted(SlowlogEntry e, Set<String> ownAddresses) {
        return !e.clientName().equals(policy.ownClientName()) && !ownAddresses.contains(e.clientAddress())
                && !policy.ignoredCommands().contains(e.command());
    }

    /** Per node, the client addresses (ip:port) of entries from cachewatch's own connections, in any of its logs. */
    private Map<String, Set<String>> ownAddresses(List<NodeEntries> window) {
        Map<String, Set<String>> own = new java.util.HashMap<>();
        for (NodeEntries node : window) {
            Set<String> addresses = own.computeIfAbsent(node.node(), n -> new HashSet<>());
            node.entries().stream().filter(e -> e.clientName().equals(policy.ownClientName()) && !e.clientAddress().isEmpty())
                    .forEach(e -> addresses.add(e.clientAddress()));
        }
        return own;
    }

    private Finding finding(SlowlogCluster cluster, FindingKind kind, List<Seen> seen) {
        long[] values = seen.stream().mapToLong(s -> s.entry().value()).sorted().toArray();
        long max = values[values.length - 1];
        Severity severity = policy.severityOf(kind, max);
        boolean raw = policy.rawArgsClusters().contains(cluster.id());

        Map<String, List<Seen>> byPattern = new LinkedHashMap<>();
        seen.forEach(s -> byPattern.computeIfAbsent(s.shape().label(), k -> new ArrayList<>()).add(s));
        List<Finding.PatternStat> patterns = byPattern.values().stream().map(list -> {
            Seen largest = list.stream().max(Comparator.comparingLong(s -> s.entry().value())).orElseThrow();
            return new Finding.PatternStat(largest.shape().command(), largest.shape().keyPattern(), list.size(),
                    largest.entry().value(), raw ? String.join(" ", largest.entry().args()) : null);
        }).sorted(Comparator.comparingLong(Finding.PatternStat::max).reversed()
                .thenComparing(Comparator.comparingInt(Finding.PatternStat::count).reversed())
                .thenComparing(Finding.PatternStat::label)).toList();

        Map<String, int[]> clientCounts = new LinkedHashMap<>();
        Map<String, Finding.ClientStat> clientKeys = new LinkedHashMap<>();
        for (Seen s : seen) {
            String key = s.entry().clientName() + "\u0000" + s.entry().clientHost();
            clientCounts.computeIfAbsent(key, k -> new int[1])[0]++;
            clientKeys.putIfAbsent(key, new Finding.ClientStat(s.entry().clientName(), s.entry().clientHost(), 0));
        }
        List<Finding.ClientStat> clients = clientKeys.entrySet().stream()
                .map(e -> new Finding.ClientStat(e.getValue().name(), e.getValue().host(), clientCounts.get(e.getKey())[0]))
                .sorted(Comparator.comparingInt(Finding.ClientStat::count).reversed().thenComparing(Finding.ClientStat::label))
                .limit(policy.topN()).toList();

        List<String> nodes = new ArrayList<>(new TreeSet<>(seen.stream().map(Seen::node).toList()));
        List<String> ids = new ArrayList<>(seen.stream().map(s -> s.node() + "#" + s.entry().id() + "@" + s.entry().timeSeconds()).sorted().toList());
        Instant from = Instant.ofEpochSecond(seen.stream().mapToLong(s -> s.entry().timeSeconds()).min().orElse(0));
        Instant to = Instant.ofEpochSecond(seen.stream().mapToLong(s -> s.entry().timeSeconds()).max().orElse(0));
        return new Finding(cluster, kind, severity, seen.size(), max, percentile(values, 50), percentile(values, 99),
                patterns.stream().limit(policy.topN()).toList(), patterns.size(), clients, nodes, 0, from, to,
                fingerprint(cluster, kind, ids));
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String fingerprint(SlowlogCluster cluster, FindingKind kind, List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((cluster.key() + "|" + kind.id()).getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                sha.update((byte) '|');
                sha.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
