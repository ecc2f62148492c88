package io.cachewatch.reconcile;

import io.cachewatch.plan.Applier;
import io.cachewatch.plan.ClusterProblem;
import io.cachewatch.plan.Differ;
import io.cachewatch.plan.Found;
import io.cachewatch.plan.ManagedKind;
import io.cachewatch.plan.RegionDesired;
import io.cachewatch.plan.Wants;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What each managed kind last read in each region, kept across runs for readers after a run (serve's console shows
 * each alarm's state and whether a cluster's dashboard exists) without another AWS call. The same for every kind: a
 * kind registered through {@link #keep} hands on what it reads; a region whose read failed keeps what was read before.
 */
public final class Listings {
    private final Map<String, Map<String, List<? extends Found<?>>>> byKind = new ConcurrentHashMap<>();

    /** The kind, keeping what it reads here. */
    public <I extends RegionDesired, S, D, A> ManagedKind<I, S, D, A> keep(ManagedKind<I, S, D, A> kind) {
        return new Kept<>(kind, byKind.computeIfAbsent(kind.id(), k -> new ConcurrentHashMap<>()));
    }

    /**
     * What the kind of this id found in the region on its last read there; empty before any.
     *
     * @param <A> what that kind reads back per resource
     */
    @SuppressWarnings("unchecked")
    public <A> List<Found<A>> last(String kind, String region) {
        Map<String, List<? extends Found<?>>> regions = byKind.get(kind);
        List<? extends Found<?>> found = regions == null ? null : regions.get(region);
        return found == null ? List.of() : (List<Found<A>>) found;
    }

    /** A kind as it is, but for handing on what it reads. */
    private record Kept<I extends RegionDesired, S, D, A>(ManagedKind<I, S, D, A> kind, Map<String, List<? extends Found<?>>> last)
            implements ManagedKind<I, S, D, A> {
        @Override
        public String id() {
            return kind.id();
        }

        @Override
        public String plural() {
            return kind.plural();
        }

        @Override
        public String storeKey(String region) {
            return kind.storeKey(region);
        }

        @Override
        public Wants<D> want(I region) {
            return kind.want(region);
        }

        @Override
        public Map<String, List<Found<A>>> read(List<I> regions, Function<String, S> stores, List<ClusterProblem> failures) {
            Map<String, List<Found<A>>> found = kind.read(regions, stores, failures);
            found.forEach((region, list) -> last.put(region, List.copyOf(list)));
            return found;
        }

        @Override
        public Differ<D, A> differ() {
            return kind.differ();
        }

        @Override
        public Applier.Writes<D> writes(S store) {
            return kind.writes(store);
        }
    }
}
