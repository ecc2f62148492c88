package io.cachewatch.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a state file atomically with a value as JSON: written to a temporary file beside it, then moved over it, so
 * a crash leaves the old file or the new one, never half of one.
 */
public final class StateFile {
    private StateFile() {
    }

    /** @param what what the file holds, for the error message ("slow-log state") */
    public static void write(Path file, ObjectMapper json, Object value, String what) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, what.replaceAll("[^a-z]+", "-"), ".tmp");
            json.writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + " " + file, e);
        }
    }
}
