package io.cachewatch.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.HeldAlarm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares a region's rendered dashboards with the managed ones that exist. Bodies are compared semantically
 * (normalized JSON), so CloudWatch's formatting of a stored body is never drift. CloudWatch has no way to list bodies
 * or their hashes, so every rendered dashboard that exists costs one GetDashboard; dashboards that exist but are not
 * rendered need none (they are deleted or held by name).
 */
public final class DashboardPlanner {
    private DashboardPlanner() {
    }

    /**
     * @param existing  names of the region's managed dashboards (ListDashboards under the region's prefix)
     * @param read      GetDashboard: the stored body, empty when it is gone
     */
    public static DashboardPlan plan(RenderedRegion rendered, List<String> existing, Function<String, Optional<String>> read,
                                     boolean discoveryComplete) {
        Set<String> exists = new HashSet<>(existing);
        Set<String> wanted = new HashSet<>();
        List<DashboardChange> changes = new ArrayList<>();
        int unchanged = 0;
        for (DesiredDashboard d : rendered.dashboards()) {
            wanted.add(d.name());
            Optional<String> current = exists.contains(d.name()) ? read.apply(d.name()) : Optional.empty();
            if (current.isEmpty()) {
                DashboardJson.Counts counts = DashboardJson.count(d.body());
                changes.add(change(Action.CREATE, d, counts.widgets() + " widgets, " + counts.metrics() + " metrics, template " + d.template()));
                continue;
            }
            Optional<ObjectNode> body = DashboardJson.parseLenient(current.get());
            if (body.isEmpty()) {
                changes.add(change(Action.UPDATE, d, "the stored body is not a dashboard; replaced"));
            } else if (DashboardJson.same(body.get(), d.body())) {
                unchanged++;
            } else {
                changes.add(change(Action.UPDATE, d, DashboardJson.diff(body.get(), d.body()).summary()));
            }
        }
        List<HeldAlarm> held = new ArrayList<>();
        for (String name : existing.stream().sorted().toList()) {
            if (wanted.contains(name)) {
                continue;
            }
            if (!discoveryComplete) {
                held.add(new HeldAlarm(rendered.region(), name, "discovery of region " + rendered.region() + " failed, so no dashboard there is deleted"));
            } else if (rendered.held(name)) {
                held.add(new HeldAlarm(rendered.region(), name, "its cluster has a problem, so its dashboards are left as they are"));
            } else {
                changes.add(new DashboardChange(Action.DELETE, rendered.region(), name, null, "its cluster is gone or opted out", null));
            }
        }
        return new DashboardPlan(rendered.region(), changes, unchanged, existing.size(), held, rendered.problems());
    }

    private static DashboardChange change(Action action, DesiredDashboard d, String summary) {
        return new DashboardChange(action, d.region(), d.name(), d.cluster(), summary, d.body());
    }
}
