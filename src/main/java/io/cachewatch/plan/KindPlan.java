package io.cachewatch.plan;

import java.util.List;

/**
 * The plan of one managed kind in one region.
 *
 * @param managed   how many of the kind's resources exist there now (the base of the mass-delete share)
 * @param unchanged wanted resources already as they should be
 * @param held      changes withheld by a safety rule
 * @param problems  clusters this kind could not plan (their resources are held)
 */
public record KindPlan<D>(String kind, String region, List<Change<D>> changes, int unchanged, int managed, List<Held> held,
                          List<ClusterProblem> problems) {
    public KindPlan {
        changes = List.copyOf(changes);
        held = List.copyOf(held);
        problems = List.copyOf(problems);
    }

    /** This plan with more problems of its kind. */
    public KindPlan<D> withProblems(List<ClusterProblem> more) {
        List<ClusterProblem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        return new KindPlan<>(kind, region, changes, unchanged, managed, held, all);
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
