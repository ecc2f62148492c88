package io.cachewatch.plan;

import io.cachewatch.inventory.ClusterRef;
import java.util.Set;

/** Whose a resource under the prefix is, as read from its ownership mark (an alarm's owner line, a dashboard's mark). */
public sealed interface Ownership {
    /**
     * cachewatch's, made for one cluster; more than one only for an old-style mark that did not tell a replication
     * group from a cache cluster of the same id (the resource is then kept while either of them has a problem).
     */
    record Ours(String region, Set<ClusterRef> clusters, String node, String rule) implements Ownership {
        public Ours {
            clusters = Set.copyOf(clusters);
        }

        public Ours(String region, ClusterRef cluster, String node, String rule) {
            this(region, Set.of(cluster), node, rule);
        }
    }

    /** Not cachewatch's (no mark, or a mark made for another name): never changed or deleted. */
    record NotOurs(String reason) implements Ownership {
    }
}
