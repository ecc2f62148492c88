package io.cachewatch.dashboard;

import io.cachewatch.profile.DashboardChoice;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileProblem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the template names profiles choose against the templates that exist, so a misspelt {@code dashboard:} is a
 * profile problem (file, line, field) reported before any AWS call rather than a problem of every cluster using it.
 */
public final class ProfileTemplates {
    private ProfileTemplates() {
    }

    public static List<ProfileProblem> unknown(ProfileCatalog catalog, DashboardTemplates templates) {
        // an inherited entry appears under every profile that extends its file: report it once
        Set<ProfileProblem> problems = new LinkedHashSet<>();
        catalog.profiles().values().forEach(profile -> profile.dashboard().entries().forEach(entry -> {
            String name = entry.template();
            if (!name.equalsIgnoreCase(DashboardChoice.OFF) && templates.findForCluster(name).isEmpty()) {
                problems.add(entry.problem("unknown dashboard template '" + name + "' (known: "
                        + String.join(", ", templates.clusterNames()) + ", or " + DashboardChoice.OFF + ")"));
            }
        }));
        return List.copyOf(problems);
    }
}
