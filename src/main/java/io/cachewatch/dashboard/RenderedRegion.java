package io.cachewatch.dashboard;

import io.cachewatch.plan.ClusterProblem;
import java.util.List;

/**
 * A region's rendered dashboards.
 *
 * @param problems clusters whose dashboard could not be rendered (unknown template, invalid JSON, …): their existing
 *                 dashboards are held
 */
public record RenderedRegion(String region, List<DesiredDashboard> dashboards, List<ClusterProblem> problems) {
    public RenderedRegion {
        dashboards = List.copyOf(dashboards);
        problems = List.copyOf(problems);
    }
}
