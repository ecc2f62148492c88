package io.cachewatch.plan;

import io.cachewatch.inventory.ClusterRef;

/**
 * One resource a kind wants in a region.
 *
 * @param cluster the cluster it is for, or {@link ClusterRef#ofFleet} for one about the region as a whole
 * @param node    null unless it is for one node
 * @param rule    null unless it comes from a profile rule
 * @param body    what the kind writes (a desired alarm, a dashboard body)
 */
public record Wanted<D>(String name, ClusterRef cluster, String node, String rule, D body) {
}
