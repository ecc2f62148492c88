package io.cachewatch.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cachewatch.config.UsageException;
import io.cachewatch.notify.Notification;
import io.cachewatch.slowlog.NodeCursor;
import io.cachewatch.slowlog.Suppression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * What the slow-log pipeline keeps between runs, in one JSON file: node cursors (so nothing is reported twice),
 * suppression records, and messages not yet delivered (with the count of those dropped). Written atomically.
 */
record SlowlogState(Map<String, NodeCursor> cursors, Map<String, Suppression.Sent> suppression,
                    List<Notification> pending, long dropped) {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public SlowlogState {
        cursors = cursors == null ? Map.of() : cursors;
        suppression = suppression == null ? Map.of() : suppression;
        pending = pending == null ? List.of() : pending;
    }

    public static SlowlogState load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new SlowlogState(Map.of(), Map.of(), List.of(), 0);
        }
        try {
            return JSON.readValue(file.toFile(), SlowlogState.class);
        } catch (IOException e) {
            throw new UsageException("cannot read slow-log state " + file + ": " + e.getMessage());
        }
    }

    public void save(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "slowlog-state", ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write slow-log state " + file, e);
        }
    }
}
