package io.cachewatch.usage;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The usage of a fleet's clusters over the lookback, or why a cluster's is not known.
 *
 * @param byCluster cluster key → usage
 * @param unknown   cluster key → why its usage was not read (an API not permitted, a failed call); {@link #notRead} for all
 * @param notRead   why usage is unknown for a cluster in neither map (e.g. an offline audit); null when every cluster was read
 */
public record FleetUsage(Duration lookback, Map<String, ClusterUsage> byCluster, Map<String, String> unknown, String notRead) {
    public FleetUsage {
        byCluster = Collections.unmodifiableMap(new LinkedHashMap<>(byCluster));
        unknown = Collections.unmodifiableMap(new LinkedHashMap<>(unknown));
    }

    /** No cluster's usage was read, for one reason. */
    public static FleetUsage notRead(Duration lookback, String why) {
        return new FleetUsage(lookback, Map.of(), Map.of(), why);
    }

    /** Why the cluster's usage is unknown; null when it is known. */
    public String whyUnknown(String clusterKey) {
        if (byCluster.containsKey(clusterKey)) {
            return null;
        }
        return unknown.getOrDefault(clusterKey, notRead != null ? notRead : "usage was not read");
    }
}
