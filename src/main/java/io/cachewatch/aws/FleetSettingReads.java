package io.cachewatch.aws;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.posture.Reservation;
import io.cachewatch.posture.ReservedCoverage;
import io.cachewatch.posture.ReservedCoverages;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The steps the reservation and parameter-group readers of ElastiCache and MemoryDB share: a region's reservations
 * become each cluster's {@link ReservedCoverage}; a parameter group is read once per run for every cluster on it.
 */
public final class FleetSettingReads {
    /** Reads one parameter group's maxmemory-policy (null when the group has no value for it); may throw on API failure. */
    @FunctionalInterface
    public interface PolicyRead {
        String maxmemoryPolicy(String parameterGroup);
    }

    private FleetSettingReads() {
    }

    /** Every cluster {@code which} selects gets its share of {@code reservations} (active ones of this service and region). */
    public static RegionInventory reservations(RegionInventory region, Predicate<Cluster> which, List<Reservation> reservations) {
        List<ReservedCoverages.Holder> holders = region.clusters().stream().filter(which).filter(c -> c.posture() != null)
                .map(c -> new ReservedCoverages.Holder(c.key(), c.nodeType(), nodes(c), createdAt(c))).toList();
        Map<String, ReservedCoverage> coverage = ReservedCoverages.allocate(holders, reservations);
        return PostureReads.update(region, which, (c, p) -> coverage.containsKey(c.key()) ? p.reservedCoverage(coverage.get(c.key()))
                : p.unknown("reservedCoverage", "the cluster's node type is not known"), List.of());
    }

    /**
     * Reads each parameter group of the clusters {@code which} selects once, and sets their maxmemory-policy; a group whose
     * read fails leaves its clusters' policy unknown with the reason (and, unless merely not permitted, an error).
     */
    public static RegionInventory maxmemoryPolicies(RegionInventory region, Predicate<Cluster> which, String operation, PolicyRead read) {
        TreeSet<String> groups = region.clusters().stream().filter(which).filter(c -> c.posture() != null)
                .map(c -> c.posture().parameterGroup()).filter(Objects::nonNull).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        RegionInventory result = region;
        for (String group : groups) {
            Predicate<Cluster> onGroup = which.and(c -> c.posture() != null && group.equals(c.posture().parameterGroup()));
            String policy;
            try {
                policy = read.maxmemoryPolicy(group);
            } catch (RuntimeException e) {
                result = PostureReads.failed(result, onGroup, operation, e, "maxmemoryPolicy");
                continue;
            }
            result = PostureReads.update(result, onGroup, (c, p) -> policy != null ? p.maxmemoryPolicy(policy)
                    : p.unknown("maxmemoryPolicy", operation + " returned no value of maxmemory-policy for parameter group " + group), List.of());
        }
        // clusters whose group is unknown: the policy is unknown for the same reason
        return PostureReads.update(result, which.and(c -> c.posture() != null && c.posture().parameterGroup() == null),
                (c, p) -> p.unknown("maxmemoryPolicy", c.posture().whyUnknown("parameterGroup")), List.of());
    }

    /** The end of a reservation: StartTime plus Duration, in seconds (API references, ReservedCacheNode and ReservedNode). */
    public static Instant end(Instant start, Integer durationSeconds) {
        return start == null || durationSeconds == null ? null : start.plusSeconds(durationSeconds);
    }

    private static int nodes(Cluster c) {
        return c.shards().stream().mapToInt(s -> s.nodes().size()).sum();
    }

    private static Instant createdAt(Cluster c) {
        return c.posture().createdAt() == null ? null : Instant.parse(c.posture().createdAt());
    }

    /** Maps a list through a function, dropping nulls (translations that skip entries they cannot read). */
    public static <A, B> List<B> mapNonNull(List<A> items, Function<A, B> f) {
        return items.stream().map(f).filter(Objects::nonNull).toList();
    }
}
