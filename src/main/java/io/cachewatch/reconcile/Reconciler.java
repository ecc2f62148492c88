package io.cachewatch.reconcile;

import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.Applier;
import io.cachewatch.plan.ApplyProgress;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.ClusterProblem;
import io.cachewatch.plan.Found;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.plan.ManagedKind;
import io.cachewatch.plan.MassDeleteGuard;
import io.cachewatch.plan.Outcome;
import io.cachewatch.plan.Planner;
import io.cachewatch.plan.RegionDesired;
import io.cachewatch.plan.Skip;
import io.cachewatch.plan.Wants;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.ReportError;
import io.cachewatch.report.RunMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One reconcile, the same for every managed kind: compose each region's desired state once (profiles, tags, problem
 * clusters), ask each kind what it wants there (a cluster any kind cannot work out is a problem cluster for every
 * kind), read what each kind owns, plan each kind and region with the one safety rule ({@link Planner}), check the
 * mass-delete guard of every kind and region, then (unless dry-run or check) apply the kinds in the order given. A kind's stores are applied in parallel (CloudWatch
 * quotas are per region, and each store paces itself), its changes in each store creates first and deletes last.
 *
 * @param <I> the composed desired state of a region
 */
public final class Reconciler<I extends RegionDesired> {
    /** How a run treats its plan. */
    public record Options(RunMode mode, boolean allowMassDelete) {
    }

    /** A kind as a run uses it: the kind and its stores by region (from a {@link StoreCache}). */
    public record Registered<I extends RegionDesired, S, D, A>(ManagedKind<I, S, D, A> kind, Function<String, S> stores) {
    }

    private final Function<RegionInventory, I> compose;
    private final List<Registered<I, ?, ?, ?>> kinds;
    private final MassDeleteGuard guard;
    private final ApplyProgress progress;
    private final BooleanSupplier stopRequested;

    /** @param kinds planned and applied in this order */
    public Reconciler(Function<RegionInventory, I> compose, List<Registered<I, ?, ?, ?>> kinds, MassDeleteGuard guard,
                      ApplyProgress progress, BooleanSupplier stopRequested) {
        this.compose = compose;
        this.kinds = List.copyOf(kinds);
        this.guard = guard;
        this.progress = progress;
        this.stopRequested = stopRequested;
    }

    /** What one kind wants in each region of a run. */
    private record Wanting<I extends RegionDesired, S, D, A>(Registered<I, S, D, A> registered, Map<String, Wants<D>> byRegion) {
    }

    /** One kind's plans in a run, with what applies them. */
    private record Planned<I extends RegionDesired, S, D, A>(Registered<I, S, D, A> registered, List<KindPlan<D>> plans) {
        int changes() {
            return plans.stream().mapToInt(p -> p.changes().size()).sum();
        }
    }

    public ReconcileReport run(Fleet fleet, Options options, Supplier<SortedMap<String, Long>> apiCalls) {
        List<ReportError> errors = new ArrayList<>();
        fleet.errors().forEach(e -> errors.add(new ReportError("discovery", e.region(), null, e.operation() + ": " + e.message())));
        List<I> regions = fleet.regions().stream().map(compose).toList();
        List<Skip> skips = new ArrayList<>();
        for (I region : regions) {
            region.problems().forEach(p -> errors.add(new ReportError("cluster", p.region(), p.cluster(), p.message())));
            skips.addAll(region.skips());
        }
        List<Wanting<I, ?, ?, ?>> wanting = new ArrayList<>();
        Map<String, Set<ClusterRef>> held = new HashMap<>();
        regions.forEach(r -> held.put(r.region(), new HashSet<>(r.heldClusters())));
        for (Registered<I, ?, ?, ?> registered : kinds) {
            Wanting<I, ?, ?, ?> wants = want(registered, regions);
            wants.byRegion().forEach((region, w) -> {
                w.problems().forEach(p -> held.get(region).add(p.ref()));
                held.get(region).addAll(w.held());
            });
            wanting.add(wants);
        }
        List<Planned<I, ?, ?, ?>> planned = new ArrayList<>();
        for (Wanting<I, ?, ?, ?> wants : wanting) {
            planned.add(plan(wants, regions, held, errors));
        }
        List<String> refusals = new ArrayList<>();
        if (!options.allowMassDelete()) {
            planned.forEach(p -> refusals.addAll(guard.refusals(p.plans(), p.registered().kind().plural())));
        }
        List<Outcome> outcomes = new ArrayList<>();
        if (options.mode() == RunMode.APPLY && refusals.isEmpty()) {
            // one progress line for the whole apply: each kind counts on from where the one before ended
            int total = planned.stream().mapToInt(Planned::changes).sum();
            int before = 0;
            for (Planned<I, ?, ?, ?> p : planned) {
                outcomes.addAll(apply(p, before, total));
                before += p.changes();
            }
        }
        List<KindPlan<?>> plans = new ArrayList<>();
        planned.forEach(p -> plans.addAll(p.plans()));
        return new ReconcileReport(options.mode(), plans, outcomes, errors, skips, refusals, apiCalls.get());
    }

    private static <I extends RegionDesired, S, D, A> Wanting<I, S, D, A> want(Registered<I, S, D, A> registered, List<I> regions) {
        Map<String, Wants<D>> byRegion = new LinkedHashMap<>();
        regions.forEach(r -> byRegion.put(r.region(), registered.kind().want(r)));
        return new Wanting<>(registered, byRegion);
    }

    /** Every region the kind could read, planned with the held clusters of every kind. */
    private static <I extends RegionDesired, S, D, A> Planned<I, S, D, A> plan(Wanting<I, S, D, A> wanting, List<I> regions,
                                                                             Map<String, Set<ClusterRef>> held, List<ReportError> errors) {
        ManagedKind<I, S, D, A> kind = wanting.registered().kind();
        List<ClusterProblem> failures = new ArrayList<>();
        Map<String, List<Found<A>>> found = kind.read(regions, wanting.registered().stores(), failures);
        failures.forEach(f -> errors.add(new ReportError(kind.plural(), f.region(), f.cluster(), f.message())));
        List<KindPlan<D>> plans = new ArrayList<>();
        for (I region : regions) {
            List<Found<A>> existing = found.get(region.region());
            if (existing != null) {
                Wants<D> wants = wanting.byRegion().get(region.region());
                plans.add(Planner.plan(kind.id(), region.region(), wants.wanted(), existing, held.get(region.region()),
                        region.inventory().complete(), kind.differ()).withProblems(wants.problems()));
            }
        }
        return new Planned<>(wanting.registered(), plans);
    }

    /** Applies one kind: its stores in parallel, each store's changes in order. */
    private <S, D, A> List<Outcome> apply(Planned<I, S, D, A> planned, int before, int total) {
        Map<String, List<Change<D>>> byStore = new LinkedHashMap<>();
        Map<String, String> regionOfStore = new LinkedHashMap<>();
        ManagedKind<I, S, D, A> kind = planned.registered().kind();
        for (KindPlan<D> plan : planned.plans()) {
            String key = kind.storeKey(plan.region());
            regionOfStore.putIfAbsent(key, plan.region());
            byStore.computeIfAbsent(key, k -> new ArrayList<>()).addAll(plan.changes());
        }
        byStore.values().removeIf(List::isEmpty);
        if (byStore.isEmpty()) {
            return List.of();
        }
        AtomicInteger done = new AtomicInteger(before);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(byStore.size(), 8));
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            byStore.forEach((key, changes) -> {
                Applier.Writes<D> writes = kind.writes(planned.registered().stores().apply(regionOfStore.get(key)));
                int[] last = {0};
                futures.add(pool.submit(() -> Applier.apply(changes, writes, (d, t) -> {
                    progress.advanced(done.addAndGet(d - last[0]), total);
                    last[0] = d;
                }, stopRequested)));
            });
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<List<Outcome>> f : futures) {
                outcomes.addAll(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("applying failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
