package io.cachewatch.dashboard;

import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.inventory.RegionInventory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code validate} checks of the dashboard templates without AWS: each parses, and each cluster template renders
 * valid dashboards within CloudWatch's limits for every topology of {@link SampleFleet} (the fleet template for the
 * sample region), with the alarms the profiles give those clusters.
 */
public final class TemplateCheck {
    private TemplateCheck() {
    }

    /** Problems, each naming the template file (and line, where Qute or the JSON parser knows it); empty when all is well. */
    public static List<String> problems(DashboardTemplates templates, DashboardRenderer renderer, DesiredAlarms alarms) {
        Set<String> problems = new LinkedHashSet<>(templates.problems());
        List<String> names = new ArrayList<>(templates.clusterNames());
        if (names.isEmpty()) {
            names.add(io.cachewatch.profile.DashboardChoice.OFF); // still render the fleet overview
        }
        for (String name : names) {
            // the tag forces the template on every sample cluster, as a user's tag would
            RegionInventory region = SampleFleet.region(Map.of(DashboardRenderer.TAG, name));
            RenderedRegion rendered = renderer.forRegion(region, alarms.forRegion(region));
            rendered.problems().forEach(p -> problems.add((p.cluster() == null ? "" : "sample cluster " + p.cluster() + ": ") + p.message()));
        }
        return List.copyOf(problems);
    }
}
