package io.cachewatch.plan;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A kind of resource cachewatch manages (alarms, dashboards), in the manner of a Terraform provider's resource: what
 * it wants for a region (from the region's composed desired state), what exists and whose it is (its ownership
 * mark), how the two differ, and how to write. The pipeline ({@code Reconciler}) does the rest the same for every
 * kind: the safety rule ({@link Planner}), the mass-delete guard, applying ({@link Applier}) and the report. Adding a
 * kind is one package with an implementation of this, and its registration.
 *
 * @param <I> the composed desired state of a region every kind of a run shares
 * @param <S> the kind's store (a port; adapters pace their calls)
 * @param <D> what the kind writes per resource
 * @param <A> what it reads back per resource
 */
public interface ManagedKind<I extends RegionDesired, S, D, A> {
    /** {@code alarm}, {@code dashboard}: the {@code kind} of its changes. */
    String id();

    /** {@code alarms}: for guards, messages and {@code --only}. */
    default String plural() {
        return id() + "s";
    }

    /** The store a region's resources live in: the region for regional resources (the default), one key for global ones. */
    default String storeKey(String region) {
        return region;
    }

    /** What the kind wants in a region; pure. */
    Wants<D> want(I region);

    /**
     * What exists under the kind's prefix, by region, with its ownership read. A region whose resources cannot be
     * read is left out, with a problem (cluster null) in {@code failures}: it gets no plan.
     */
    Map<String, List<Found<A>>> read(List<I> regions, Function<String, S> stores, List<ClusterProblem> failures);

    Differ<D, A> differ();

    /** The writes of one store. */
    Applier.Writes<D> writes(S store);
}
