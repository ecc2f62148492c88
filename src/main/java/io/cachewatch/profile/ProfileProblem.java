package io.cachewatch.profile;

import java.nio.file.Path;

/**
 * One thing wrong with a profile, located as precisely as the YAML allows.
 *
 * @param line 1-based; 0 when the problem is the file (or directory) as a whole, which is then shown without a line
 */
public record ProfileProblem(Path file, int line, String field, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + message;
    }
}
