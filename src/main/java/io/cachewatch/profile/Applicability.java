package io.cachewatch.profile;

import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import java.util.Set;

/**
 * Which resources a rule applies to.
 *
 * @param kinds                 cluster kinds (never empty)
 * @param engines               engines (never empty; all engines when the profile does not say)
 * @param scope                 one alarm per node or per cluster
 * @param replicatedShardsOnly  only nodes of shards that have replicas
 * @param when                  extra condition over facts, or null
 */
public record Applicability(Set<ClusterKind> kinds, Set<Engine> engines, Scope scope, boolean replicatedShardsOnly,
                            Expression when) {
    public Applicability {
        kinds = Set.copyOf(kinds);
        engines = Set.copyOf(engines);
    }
}
