package io.cachewatch.auditing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.config.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * What the audit's notifications have announced: result id → severity of every result announced as failing and not
 * yet announced resolved. Kept in one JSON file beside the slow-log state ({@code audit-state.json}; under serve one per
 * target); every read and write of it goes through this class.
 */
public final class AuditNotifyState {
    /** The file's document. */
    record Document(Map<String, String> failing) {
        Document {
            failing = failing == null ? Map.of() : failing;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public AuditNotifyState(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The results announced as failing; none when nothing was announced yet. A file that cannot be read is a usage error. */
    public Map<String, String> failing() {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return JSON.readValue(file.toFile(), Document.class).failing();
        } catch (IOException e) {
            throw new UsageException("cannot read audit state " + file + ": " + e.getMessage());
        }
    }

    /** Replaces the state, atomically (a reader never sees half a file). */
    public void save(Map<String, String> failing) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "audit-state", ".tmp");
            JSON.writeValue(tmp.toFile(), new Document(failing));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write audit state " + file, e);
        }
    }
}
