package io.cachewatch.console;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The fleet page's query: {@code ?firing} (only clusters with an alarm in ALARM), {@code ?cluster=} (ids containing
 * the text, case-insensitive), {@code ?target=} (that target only). Results come most urgent first.
 */
public record FleetFilter(boolean firing, String cluster, String target) {
    public static final FleetFilter ALL = new FleetFilter(false, null, null);

    public FleetFilter {
        cluster = cluster == null || cluster.isBlank() ? null : cluster.trim();
        target = target == null || target.isBlank() ? null : target.trim();
    }

    /** Most urgent first (see {@link ClusterStatus#urgency()}), then by target, region and id. */
    public static final Comparator<ClusterStatus> BY_URGENCY = Comparator.comparingInt((ClusterStatus c) -> -c.urgency())
            .thenComparing(ClusterStatus::target).thenComparing(ClusterStatus::region).thenComparing(ClusterStatus::id);

    public boolean test(ClusterStatus c) {
        return (!firing || c.alarms().firing() > 0)
                && (target == null || target.equals(c.target()))
                && (cluster == null || c.id().toLowerCase(Locale.ROOT).contains(cluster.toLowerCase(Locale.ROOT)));
    }

    public List<ClusterStatus> apply(List<ClusterStatus> clusters) {
        return clusters.stream().filter(this::test).sorted(BY_URGENCY).toList();
    }

    public boolean any() {
        return firing || cluster != null || target != null;
    }
}
