package io.cachewatch.dashboard;

import io.cachewatch.alarm.ClusterProblem;
import java.util.List;
import java.util.Set;

/**
 * A region's rendered dashboards.
 *
 * @param problems  clusters whose dashboard could not be rendered (unknown template, invalid JSON, …)
 * @param heldBases page-1 names of dashboards to leave exactly as they are (clusters with a problem), pages included
 */
public record RenderedRegion(String region, List<DesiredDashboard> dashboards, List<ClusterProblem> problems, Set<String> heldBases) {
    public RenderedRegion {
        dashboards = List.copyOf(dashboards);
        problems = List.copyOf(problems);
        heldBases = Set.copyOf(heldBases);
    }

    public boolean held(String name) {
        return heldBases.stream().anyMatch(base -> DashboardNaming.isPageOf(name, base));
    }
}
