package io.cachewatch.profile;

import java.nio.file.Path;

/** Where something was written: file and 1-based line. */
public record SourceLocation(Path file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
