package io.cachewatch.plan;

import io.cachewatch.inventory.ClusterRef;
import java.util.List;

/**
 * One planned change of any managed kind.
 *
 * @param kind    {@code alarm}, {@code dashboard}
 * @param cluster whose it is; null when a deleted resource's mark named none
 * @param summary for a person: what is created, or what differs
 * @param desired what is written; null for deletes
 */
public record Change<D>(Action action, String kind, String region, String name, ClusterRef cluster, String node, String rule,
                        List<FieldDiff> diff, String summary, D desired) {
    public Change {
        diff = List.copyOf(diff);
    }
}
