package io.cachewatch.posture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a region's reservations (a pool per node type, not per cluster) into one {@link ReservedCoverage} per cluster:
 * per node type, reservations are handed out node by node to the clusters in order of age (oldest first: the long-running
 * clusters are the ones a reservation is bought for; a cluster whose creation time is unknown comes last), each cluster
 * taking the reservations that end first. Node types match exactly: size flexibility within a family is not applied
 * (docs/audit.md, reserved-coverage).
 */
public final class ReservedCoverages {
    /** A cluster as the allocation sees it. */
    public record Holder(String key, String nodeType, int nodes, Instant createdAt) {
    }

    private ReservedCoverages() {
    }

    /** @return cluster key → its coverage, for every holder with a node type */
    public static Map<String, ReservedCoverage> allocate(List<Holder> holders, List<Reservation> reservations) {
        Map<String, ReservedCoverage> byKey = new LinkedHashMap<>();
        Map<String, List<Holder>> byType = holders.stream().filter(h -> h.nodeType() != null)
                .collect(Collectors.groupingBy(Holder::nodeType, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Reservation>> reserved = reservations.stream().collect(Collectors.groupingBy(Reservation::nodeType));
        for (Map.Entry<String, List<Holder>> type : byType.entrySet()) {
            List<Holder> clusters = type.getValue().stream().sorted(Comparator.comparing(Holder::createdAt,
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Holder::key)).toList();
            List<Reservation> pool = reserved.getOrDefault(type.getKey(), List.of()).stream()
                    .sorted(Comparator.comparing(Reservation::end).thenComparing(Reservation::id)).toList();
            int poolNodes = clusters.stream().mapToInt(Holder::nodes).sum();
            int poolReserved = pool.stream().mapToInt(Reservation::count).sum();
            Map<String, Integer> left = new HashMap<>();
            pool.forEach(r -> left.put(r.id(), r.count()));
            for (Holder h : clusters) {
                List<ReservedCoverage.Term> terms = new ArrayList<>();
                int covered = 0;
                for (Reservation r : pool) {
                    int take = Math.min(left.get(r.id()), h.nodes() - covered);
                    if (take > 0) {
                        left.put(r.id(), left.get(r.id()) - take);
                        covered += take;
                        terms.add(new ReservedCoverage.Term(r.id(), take, r.end().toString()));
                    }
                }
                byKey.put(h.key(), new ReservedCoverage(type.getKey(), h.nodes(), covered, poolNodes, poolReserved, terms));
            }
        }
        return byKey;
    }
}
