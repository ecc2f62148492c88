package io.cachewatch.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.plan.Action;

/**
 * One planned dashboard change.
 *
 * @param cluster null for a fleet overview, and for deletes of dashboards whose cluster is not known any more
 * @param summary what differs, for a person: {@code 1 widget changed (Engine CPU (%))}
 * @param body    the rendered body; null for deletes
 */
public record DashboardChange(Action action, String region, String name, String cluster, String summary, ObjectNode body) {
}
