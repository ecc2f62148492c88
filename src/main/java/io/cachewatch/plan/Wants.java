package io.cachewatch.plan;

import io.cachewatch.inventory.ClusterRef;
import java.util.List;
import java.util.Set;

/**
 * What a kind wants in one region, and the clusters it could not work out (an unknown dashboard template): those are
 * problem clusters for every kind of the run.
 *
 * @param held more owners to leave as they are, without a problem of their own (the region's overview while one of
 *             its clusters is a problem cluster)
 */
public record Wants<D>(List<Wanted<D>> wanted, List<ClusterProblem> problems, Set<ClusterRef> held) {
    public Wants {
        wanted = List.copyOf(wanted);
        problems = List.copyOf(problems);
        held = Set.copyOf(held);
    }

    public Wants(List<Wanted<D>> wanted, List<ClusterProblem> problems) {
        this(wanted, problems, Set.of());
    }
}
