package io.cachewatch.wiring;

import io.cachewatch.dashboard.DashboardRenderer;
import io.cachewatch.dashboard.DashboardTemplates;
import io.cachewatch.dashboard.ProfileTemplates;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.report.ReportError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The templates of {@code cachewatch.dashboards.dir} checked against the profiles' template choices: a renderer, or
 * the problems, which (like profile problems) are reported before any AWS call. Used by {@code reconcile} once and by
 * {@code serve} before every run, so edited templates take effect without a restart.
 */
public final class DashboardLoading {
    /** @param renderer null when there are problems */
    public record Loaded(DashboardRenderer renderer, List<ReportError> problems) {
    }

    private DashboardLoading() {
    }

    public static Loaded load(Wiring wiring, ProfileCatalog catalog) {
        DashboardTemplates templates = DashboardTemplates.load(Path.of(wiring.config().dashboards().dir()));
        List<ReportError> problems = new ArrayList<>();
        templates.problems().forEach(p -> problems.add(new ReportError("dashboard-template", null, null, p)));
        ProfileTemplates.unknown(catalog, templates).forEach(p -> problems.add(new ReportError("profile", null, null, p.toString())));
        return new Loaded(problems.isEmpty() ? wiring.dashboardRenderer(templates, catalog) : null, List.copyOf(problems));
    }
}
