package io.cachewatch.reconcile;

import io.cachewatch.plan.ManagedKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The stores of every kind, made once per kind and store key and kept: a store holds its pacers, and CloudWatch's
 * quotas are per account and region (per account for the global dashboards), so two stores for one key would pace
 * apart. A CLI run keeps one for the run, each serve target one for its life.
 */
public final class StoreCache {
    private final Map<String, Object> stores = new ConcurrentHashMap<>();

    /**
     * The kind's store of a region, made by {@code make} (given the first region that needs it) on first use.
     */
    @SuppressWarnings("unchecked")
    public <S> Function<String, S> of(ManagedKind<?, S, ?, ?> kind, Function<String, S> make) {
        return region -> (S) stores.computeIfAbsent(kind.id() + "@" + kind.storeKey(region), k -> make.apply(region));
    }
}
