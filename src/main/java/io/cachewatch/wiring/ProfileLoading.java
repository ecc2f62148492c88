package io.cachewatch.wiring;

import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileProblem;
import io.cachewatch.profile.ProfileValidationException;
import java.nio.file.Path;
import java.util.List;

/** Loads a profile directory, keeping its problems for the caller to report. */
public final class ProfileLoading {
    /** The catalog, or the problems that make it unusable. */
    public record Loaded(ProfileCatalog catalog, List<ProfileProblem> problems) {
    }

    private ProfileLoading() {
    }

    public static Loaded load(Path dir) {
        try {
            return new Loaded(ProfileCatalog.load(dir), List.of());
        } catch (ProfileValidationException e) {
            return new Loaded(null, e.problems());
        }
    }
}
