package io.cachewatch.lease;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task's lease writes for a round, decided from what the table shows: renew what it holds when due, hand back
 * what exceeds its share, take free or lapsed leases up to its share.
 *
 * @param renew   each held lease due for renewal, as it will be written
 * @param release each lease over the share, as it will be written (released)
 * @param acquire each free or lapsed lease it will try to take, as it will be written
 */
public record LeasePlan(List<Write> renew, List<Write> release, List<Write> acquire) {

    /** One conditional write: {@code next} is written only while the table still holds {@code expected}'s version. */
    public record Write(Lease expected, Lease next) {
    }

    /** The timing of leases. */
    public record Timing(long durationMillis, long renewEveryMillis) {
        public Timing {
            if (durationMillis <= 0 || renewEveryMillis <= 0 || renewEveryMillis >= durationMillis) {
                throw new IllegalArgumentException("lease renewal every " + renewEveryMillis + " ms must be above 0 and below the lease duration "
                        + durationMillis + " ms");
            }
        }
    }

    /**
     * @param leases    the table's lease of each target ({@link Lease#never} for those without an item)
     * @param liveTasks the tasks whose heartbeat has not lapsed
     */
    public static LeasePlan decide(String task, long now, Timing timing, Map<String, Lease> leases, Set<String> liveTasks) {
        int share = Shares.of(task, liveTasks, leases.size());
        List<Lease> held = leases.values().stream().filter(l -> l.heldBy(task, now))
                .sorted(Comparator.comparing(Lease::target)).toList();
        List<Write> release = new ArrayList<>();
        List<Write> renew = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            Lease lease = held.get(i);
            if (i >= share) {
                release.add(new Write(lease, lease.released()));
            } else if (lease.expiresAt() - now <= timing.durationMillis() - timing.renewEveryMillis()) {
                renew.add(new Write(lease, lease.renewed(now, timing.durationMillis())));
            }
        }
        List<Write> acquire = new ArrayList<>();
        int wanted = share - Math.min(share, held.size());
        if (wanted > 0) {
            // each task prefers its own order of the free targets, so two tasks starting together rarely race for the same one
            leases.values().stream().filter(l -> !l.live(now))
                    .sorted(Comparator.comparingInt((Lease l) -> preference(task, l.target())).thenComparing(Lease::target))
                    .limit(wanted)
                    .forEach(l -> acquire.add(new Write(l, l.acquiredBy(task, now, timing.durationMillis()))));
        }
        return new LeasePlan(List.copyOf(renew), List.copyOf(release), List.copyOf(acquire));
    }

    private static int preference(String task, String target) {
        int h = (task + "\u0000" + target).hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
