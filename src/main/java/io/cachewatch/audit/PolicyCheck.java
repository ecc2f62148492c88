package io.cachewatch.audit;

import io.cachewatch.profile.AuditPolicy;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the profiles' {@code audit:} sections against the catalog: every check id they name must exist. (Keys, types,
 * severities and ranges are checked by the JSON Schema.) Problems are located at the file and line of the entry.
 */
public final class PolicyCheck {
    private PolicyCheck() {
    }

    public static List<ProfileProblem> problems(ProfileCatalog catalog) {
        Set<ProfileProblem> problems = new LinkedHashSet<>();
        for (String name : catalog.names()) {
            AuditPolicy policy = catalog.auditPolicy(name);
            for (AuditPolicy.Setting setting : policy.named()) {
                if (CheckCatalog.find(setting.check()).isEmpty()) {
                    problems.add(setting.problem("unknown audit check '" + setting.check() + "'"
                            + io.cachewatch.profile.Suggest.hint(setting.check(), new java.util.TreeSet<>(CheckCatalog.ids()))));
                }
            }
        }
        return new ArrayList<>(problems);
    }
}
