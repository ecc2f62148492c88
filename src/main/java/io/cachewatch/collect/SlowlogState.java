package io.cachewatch.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cachewatch.config.UsageException;
import io.cachewatch.notify.Notification;
import io.cachewatch.slowlog.NodeCursor;
import io.cachewatch.slowlog.Suppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Fails with {@link StateNotWritableException}, naming the path and what to do, unless the state file can be
     * written: its directory exists or can be made, and a file can be created in it (the file is replaced atomically
     * through a temporary file beside it). Checked before a run reads or publishes anything.
     */
    static void checkWritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String hint = "; set cachewatch.slowlog.state-file (CACHEWATCH_SLOWLOG_STATE_FILE) to a writable path"
                + " (the image's /app/state, on ECS an EFS volume mounted there)";
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StateNotWritableException("slow-log state file " + file.toAbsolutePath() + ": cannot create directory "
                    + dir + " (" + why(e) + ")" + hint);
        }
        try {
            Path probe = Files.createTempFile(dir, "slowlog-state", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new StateNotWritableException("slow-log state file " + file.toAbsolutePath() + ": directory " + dir
                    + " is not writable by this user (" + why(e) + ")" + hint);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new StateNotWritableException("slow-log state file " + file.toAbsolutePath() + " is not writable by this user" + hint);
        }
    }

    private static String why(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    public void save(Path file) {
        io.cachewatch.files.StateFile.write(file, JSON, this, "slow-log state");
    }
}
