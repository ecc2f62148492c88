package io.cachewatch.wiring;

import io.cachewatch.audit.PolicyCheck;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileProblem;
import io.cachewatch.profile.ProfileValidationException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a profile directory, keeping its problems for the caller to report: those of the files (schema, semantics,
 * {@code extends}) and then those of their {@code audit:} sections against the check catalog. Every command that reads
 * profiles (validate, reconcile, audit, serve) loads them here, so a profile one of them accepts no other refuses.
 */
public final class ProfileLoading {
    /** The catalog, or the problems that make it unusable. */
    public record Loaded(ProfileCatalog catalog, List<ProfileProblem> problems) {
    }

    private ProfileLoading() {
    }

    public static Loaded load(Path dir) {
        ProfileCatalog catalog;
        try {
            catalog = ProfileCatalog.load(dir);
        } catch (ProfileValidationException e) {
            return new Loaded(null, e.problems());
        }
        List<ProfileProblem> policy = PolicyCheck.problems(catalog);
        return policy.isEmpty() ? new Loaded(catalog, List.of()) : new Loaded(null, policy);
    }
}
