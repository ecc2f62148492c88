package io.cachewatch.cli;

import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileProblem;
import io.cachewatch.profile.ProfileValidationException;
import java.nio.file.Path;
import java.util.List;

/** Loads the profile directory named on the command line, or the configured one. */
final class ProfileLoading {
    /** The catalog, or the problems that make it unusable. */
    record Loaded(ProfileCatalog catalog, List<ProfileProblem> problems) {
    }

    private ProfileLoading() {
    }

    static Path directory(Path fromCommandLine, Wiring wiring) {
        return fromCommandLine != null ? fromCommandLine : Path.of(wiring.config().profiles().dir());
    }

    static Loaded load(Path dir) {
        try {
            return new Loaded(ProfileCatalog.load(dir), List.of());
        } catch (ProfileValidationException e) {
            return new Loaded(null, e.problems());
        }
    }
}
