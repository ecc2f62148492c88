package io.cachewatch.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One resource that exists under the prefix, as its kind read it, with whose it is. */
public record Found<A>(String name, Ownership owner, A body) {
    /** What a kind reads for one region; may throw when its store cannot be read. */
    public interface RegionRead<I, A> {
        List<Found<A>> read(I region);
    }

    /**
     * Reads every region; one that cannot be read is left out with a problem in {@code failures} ("cannot read
     * managed alarms: …"), so it gets no plan while the others do.
     */
    public static <I extends RegionDesired, A> Map<String, List<Found<A>>> byRegion(List<I> regions, String plural,
                                                                                 List<ClusterProblem> failures, RegionRead<I, A> read) {
        Map<String, List<Found<A>>> found = new LinkedHashMap<>();
        for (I region : regions) {
            try {
                found.put(region.region(), read.read(region));
            } catch (RuntimeException e) {
                failures.add(new ClusterProblem(region.region(), null, "cannot read managed " + plural + ": " + e.getMessage()));
            }
        }
        return found;
    }
}
