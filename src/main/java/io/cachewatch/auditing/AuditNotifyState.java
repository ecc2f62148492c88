package io.cachewatch.auditing;

import io.cachewatch.collect.FileStateStore;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.state.Fence;
import io.cachewatch.state.StateSnapshot;
import io.cachewatch.state.StateStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the audit's notifications have announced for one target (result id → severity of every result announced as
 * failing and not yet announced resolved), kept in the state store: for the command {@code audit-state.json} beside the
 * slow-log state, under serve the target's own item (file {@code audit-state.<target>.json}, or the DynamoDB table).
 */
public final class AuditNotifyState {
    private final StateStore store;
    private final String target;
    private final Fence fence;
    private StateSnapshot read;

    /** @param fence the target's lease (null: none, a single process) */
    public AuditNotifyState(StateStore store, String target, Fence fence) {
        this.store = store;
        this.target = target;
        this.fence = fence;
    }

    /** The command's: {@code audit-state.json} beside the slow-log state file. */
    public static AuditNotifyState forCommand(CachewatchConfig config) {
        return new AuditNotifyState(FileStateStore.single(Path.of(config.slowlog().stateFile())), "default", null);
    }

    /** What can be checked before serving: the store can read (and write) the target's state. */
    public void verify() {
        store.verify(target, true);
    }

    /** The results announced as failing (read now; {@link #save} writes against this read). */
    public Map<String, String> failing() {
        read = store.read(target);
        return read.state().notified();
    }

    /** Replaces the announced results, conditional on the state as {@link #failing()} read it. */
    public void save(Map<String, String> failing) {
        if (read == null) {
            failing();
        }
        read = store.write(read, read.state().withNotified(failing), fence);
    }

    public String describe() {
        return store.describe() + " (" + target + ")";
    }
}
