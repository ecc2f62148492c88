package io.cachewatch.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.inventory.ClusterRef;

/**
 * A dashboard as rendered, its ownership mark included.
 *
 * @param owner    its cluster, or {@link ClusterRef#ofFleet} for the region's fleet overview
 * @param template the template's name ({@code redis}, {@code fleet}, …)
 */
public record DesiredDashboard(String name, String region, ClusterRef owner, String template, ObjectNode body) {
}
