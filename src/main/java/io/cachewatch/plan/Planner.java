package io.cachewatch.plan;

import io.cachewatch.inventory.ClusterRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans one kind in one region, matching wanted and found resources by name. This is the one place the safety rule
 * lives, for every kind: a resource is deleted only when it carries cachewatch's ownership mark, its region's
 * discovery was complete, and no cluster its mark names is a problem cluster (so its cluster is gone or opted out,
 * or the rule that made it no longer applies). A resource without the mark is never changed or deleted, not even at
 * a name cachewatch wants; a problem cluster's resources are kept exactly as they are.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * @param held clusters whose resources must be left as they are (problem clusters; {@link ClusterRef#ofFleet} when
     *             the region's overview has a problem)
     */
    public static <D, A> KindPlan<D> plan(String kind, String region, List<Wanted<D>> wanted, List<Found<A>> found,
                                          Set<ClusterRef> held, boolean discoveryComplete, Differ<D, A> differ) {
        // only looked up, never iterated; sized for all at once (a region can have tens of thousands of alarms)
        Map<String, Found<A>> foundByName = sized(found.size());
        found.forEach(f -> foundByName.put(f.name(), f));
        Map<String, Wanted<D>> wantedByName = sized(wanted.size());
        List<Change<D>> changes = new ArrayList<>();
        List<Held> kept = new ArrayList<>();
        List<ClusterProblem> problems = new ArrayList<>();
        int unchanged = 0;
        for (Wanted<D> w : wanted) {
            Wanted<D> clash = wantedByName.putIfAbsent(w.name(), w);
            if (clash != null) {
                problems.add(new ClusterProblem(region, w.cluster(), kind + " name " + w.name() + " is wanted twice (for "
                        + describe(clash) + " and " + describe(w) + ")"));
                continue;
            }
            if (held.contains(w.cluster())) {
                if (foundByName.containsKey(w.name())) {
                    kept.add(new Held(kind, region, w.name(), heldReason(kind, w.cluster())));
                }
                continue;
            }
            Found<A> existing = foundByName.get(w.name());
            if (existing == null) {
                changes.add(new Change<>(Action.CREATE, kind, region, w.name(), w.cluster(), w.node(), w.rule(), List.of(),
                        differ.created(w.body()), w.body()));
            } else if (existing.owner() instanceof Ownership.NotOurs notOurs) {
                kept.add(new Held(kind, region, w.name(), notOurs.reason() + ", so it is not changed (rename or delete it to let cachewatch make its own)"));
            } else {
                Diff diff = differ.between(existing.body(), w.body());
                if (diff.none()) {
                    unchanged++;
                } else {
                    changes.add(new Change<>(Action.UPDATE, kind, region, w.name(), w.cluster(), w.node(), w.rule(), diff.fields(),
                            diff.summary(), w.body()));
                }
            }
        }
        int managed = 0;
        for (Found<A> f : found) {
            if (f.owner() instanceof Ownership.Ours) {
                managed++;
            }
            if (wantedByName.containsKey(f.name())) {
                continue;
            }
            String reason = holdReason(kind, region, f.owner(), held, discoveryComplete);
            if (reason != null) {
                kept.add(new Held(kind, region, f.name(), reason));
            } else {
                Ownership.Ours ours = (Ownership.Ours) f.owner();
                ClusterRef cluster = ours.clusters().stream().sorted(Comparator.comparing(ClusterRef::toString)).findFirst().orElse(null);
                changes.add(new Change<>(Action.DELETE, kind, region, f.name(), cluster, ours.node(), ours.rule(), List.of(),
                        "its cluster is gone or opted out, or its rule no longer applies", null));
            }
        }
        return new KindPlan<>(kind, region, ordered(changes), unchanged, managed, kept, problems);
    }

    /** Clusters in the order plans show them: by id, then kind; changes a mark names no cluster of first. */
    private static final Comparator<ClusterRef> CLUSTER_ORDER = Comparator.nullsFirst(
            Comparator.comparing(ClusterRef::id).thenComparing(ClusterRef::kind));

    /**
     * Changes in the order plans show them: by cluster, then by name. Grouped by cluster before sorting, so that names
     * (which share a long head within a cluster) are only compared within their cluster, and a plan of 60,000 changes
     * makes a few hundred thousand short comparisons instead of a million long ones. The same order as one stable sort
     * by cluster, then name.
     */
    private static <D> List<Change<D>> ordered(List<Change<D>> changes) {
        Map<ClusterRef, List<Change<D>>> byCluster = new HashMap<>();
        for (Change<D> change : changes) {
            byCluster.computeIfAbsent(change.cluster(), c -> new ArrayList<>()).add(change);
        }
        List<ClusterRef> clusters = new ArrayList<>(byCluster.keySet());
        clusters.sort(CLUSTER_ORDER);
        List<Change<D>> ordered = new ArrayList<>(changes.size());
        for (ClusterRef cluster : clusters) {
            List<Change<D>> group = byCluster.get(cluster);
            group.sort(BY_NAME);
            ordered.addAll(group);
        }
        return ordered;
    }

    /** A hash map that holds n entries without growing. */
    private static <K, V> Map<K, V> sized(int n) {
        return new HashMap<>((int) (n / 0.75f) + 1);
    }

    private static final Comparator<Change<?>> BY_NAME = (a, b) -> a.name().compareTo(b.name());

    private static String describe(Wanted<?> w) {
        return "cluster " + w.cluster() + (w.node() == null ? "" : " node " + w.node()) + (w.rule() == null ? "" : " rule " + w.rule());
    }

    private static String holdReason(String kind, String region, Ownership owner, Set<ClusterRef> held, boolean discoveryComplete) {
        if (owner instanceof Ownership.NotOurs notOurs) {
            return notOurs.reason() + ", so it may not be cachewatch's";
        }
        Ownership.Ours ours = (Ownership.Ours) owner;
        if (!discoveryComplete) {
            return "discovery of region " + region + " failed, so no " + kind + " there is deleted";
        }
        if (!ours.region().equals(region)) {
            return "its ownership mark names region " + ours.region();
        }
        for (ClusterRef cluster : ours.clusters()) {
            if (held.contains(cluster)) {
                return heldReason(kind, cluster);
            }
        }
        return null;
    }

    private static String heldReason(String kind, ClusterRef cluster) {
        return cluster.fleet() ? "the region's overview is left as it is while it or one of its clusters has a problem"
                : "cluster " + cluster + " has a problem, so its " + kind + "s are left as they are";
    }
}
