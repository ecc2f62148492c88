package io.cachewatch.profile;

import java.nio.file.Path;

/** One thing wrong with a profile, located as precisely as the YAML allows. */
public record ProfileProblem(Path file, int line, String field, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + message;
    }
}
