package io.cachewatch.profile;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers for a temporary profile directory. */
final class ProfileDir {
    private ProfileDir() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The problems {@link ProfileCatalog#load} reports; fails when it loads without problems. */
    static List<ProfileProblem> problems(Path dir) {
        return catchThrowableOfType(ProfileValidationException.class, () -> ProfileCatalog.load(dir)).problems();
    }
}
