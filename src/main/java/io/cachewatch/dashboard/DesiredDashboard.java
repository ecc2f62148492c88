package io.cachewatch.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A dashboard as rendered.
 *
 * @param cluster  null for the region's fleet overview
 * @param template the template's name ({@code redis}, {@code fleet}, …)
 */
public record DesiredDashboard(String name, String region, String cluster, String template, ObjectNode body) {
}
