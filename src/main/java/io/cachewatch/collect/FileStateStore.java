package io.cachewatch.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.config.UsageException;
import io.cachewatch.files.StateFile;
import io.cachewatch.state.Fence;
import io.cachewatch.state.Pending;
import io.cachewatch.state.StateSnapshot;
import io.cachewatch.state.StateStore;
import io.cachewatch.state.StoreUnavailableException;
import io.cachewatch.state.TargetState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The default state store: one process, its state in local files, as before the store existed. A target's slow-log
 * part (cursors, suppression, outbox, dropped count) is its slow-log state file ({@link SlowlogState}'s JSON); the
 * audit's notified results are {@code audit-state.json} ({@code {"failing":{id: severity}}}). Each file is replaced
 * atomically, and only when its part changed. A {@link Fence} is not checked: a file has one writer.
 */
public final class FileStateStore implements StateStore {
    /** The audit's file: result id → severity of every result announced as failing and not yet announced resolved. */
    record AuditFile(Map<String, String> failing) {
        AuditFile {
            failing = failing == null ? Map.of() : failing;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Path> slowlogFile;
    private final Function<String, Path> auditFile;

    /** @param slowlogFile a target's slow-log state file; @param auditFile a target's audit state file */
    public FileStateStore(Function<String, Path> slowlogFile, Function<String, Path> auditFile) {
        this.slowlogFile = slowlogFile;
        this.auditFile = auditFile;
    }

    /** One slow-log state file and the audit's file beside it, whatever the target (the one-shot commands). */
    public static FileStateStore single(Path slowlogStateFile) {
        return new FileStateStore(t -> slowlogStateFile, t -> auditFileBeside(slowlogStateFile));
    }

    /**
     * serve's files: each target its own, the configured file with the target's name before the extension
     * ({@code .cachewatch/slowlog-state.json} → {@code .cachewatch/slowlog-state.prod.json}, and
     * {@code audit-state.prod.json} beside it), so targets never share cursors, suppression or notified results.
     */
    public static FileStateStore perTarget(Path slowlogStateFile) {
        Path audit = auditFileBeside(slowlogStateFile);
        return new FileStateStore(t -> targetFile(slowlogStateFile, t), t -> targetFile(audit, t));
    }

    /** The configured file with the target's name before the extension. */
    public static Path targetFile(Path configured, String target) {
        String file = configured.getFileName().toString();
        String safe = target.replaceAll("[^A-Za-z0-9_.-]", "-");
        int dot = file.lastIndexOf('.');
        String name = dot <= 0 ? file + "." + safe : file.substring(0, dot) + "." + safe + file.substring(dot);
        return configured.resolveSibling(name);
    }

    /** {@code audit-state.json} beside the slow-log state file. */
    public static Path auditFileBeside(Path slowlogStateFile) {
        return slowlogStateFile.toAbsolutePath().resolveSibling("audit-state.json");
    }

    @Override
    public StateSnapshot read(String target) {
        SlowlogState slowlog = SlowlogState.load(slowlogFile.apply(target));
        List<Pending> pending = new ArrayList<>();
        slowlog.pending().forEach(n -> pending.add(new Pending(pending.size(), n)));
        TargetState state = new TargetState(slowlog.cursors(), slowlog.suppression(), pending, slowlog.dropped(),
                loadAudit(auditFile.apply(target)).failing());
        return new StateSnapshot(target, state, Map.of());
    }

    /** @throws StoreUnavailableException when a file cannot be written (a volume gone read-only, a full disk) */
    @Override
    public StateSnapshot write(StateSnapshot before, TargetState after, Fence fence) {
        TargetState was = before.state();
        try {
            if (was.slowlogDiffers(after)) {
                new SlowlogState(after.cursors(), after.suppression(), after.pending().stream().map(Pending::message).toList(),
                        after.dropped()).save(slowlogFile.apply(before.target()));
            }
            if (!was.notified().equals(after.notified())) {
                saveAudit(auditFile.apply(before.target()), new AuditFile(after.notified()));
            }
        } catch (UncheckedIOException e) {
            throw new StoreUnavailableException(e.getMessage() + " (" + e.getCause() + ")", e);
        }
        return new StateSnapshot(before.target(), after, Map.of());
    }

    /**
     * Checks the slow-log file can be written and (when {@code writing}) starts it when missing, so each target's file
     * is there from the start even while nothing changes (all nodes unreachable); then reads both files.
     */
    @Override
    public void verify(String target, boolean writing) {
        Path file = slowlogFile.apply(target);
        if (writing) {
            SlowlogState.checkWritable(file);
            if (!Files.exists(file)) {
                new SlowlogState(Map.of(), Map.of(), List.of(), 0).save(file);
            }
        }
        read(target);
    }

    @Override
    public String describe() {
        return "local state files";
    }

    static AuditFile loadAudit(Path file) {
        if (!Files.isRegularFile(file)) {
            return new AuditFile(Map.of());
        }
        try {
            return JSON.readValue(file.toFile(), AuditFile.class);
        } catch (IOException e) {
            throw new UsageException("cannot read audit state " + file + ": " + e.getMessage());
        }
    }

    static void saveAudit(Path file, AuditFile state) {
        StateFile.write(file, JSON, state, "audit state");
    }
}
