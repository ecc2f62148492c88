package io.cachewatch.auditing;

import io.cachewatch.collect.FileStateStore;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.state.Fence;
import io.cachewatch.state.FenceLostException;
import io.cachewatch.state.StateSnapshot;
import io.cachewatch.state.StateStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the audit's notifications have announced for one target (result id → severity of every result announced as
 * failing and not yet announced resolved), kept in the state store: for the command {@code audit-state.json} beside the
 * slow-log state, under serve the target's own item (file {@code audit-state.<target>.json}, or the DynamoDB table).
 */
public final class AuditNotifyState {
    private final StateStore store;
    private final String target;
    /** The target's lease now (null once this task lost it); null without leases. */
    private final Supplier<Fence> lease;
    private final BooleanSupplier holds;
    private StateSnapshot read;
    /** The fence {@link #failing()} read under: the announcement is decided, published and recorded under it. */
    private Fence fence;

    /** Without leases (a single process): every write unfenced. */
    public AuditNotifyState(StateStore store, String target) {
        this(store, target, null, () -> true);
    }

    private AuditNotifyState(StateStore store, String target, Supplier<Fence> lease, BooleanSupplier holds) {
        this.store = store;
        this.target = target;
        this.lease = lease;
        this.holds = holds;
    }

    /**
     * Under leases: reads are made under the target's current fence and the write carries it (as the slow-log poll's
     * do), so a task that lost the lease cannot overwrite the new holder's notified results; publishing asks the lease
     * again.
     *
     * @param lease the target's fence now, null while this task does not hold it
     * @param holds whether this task may still act for the target (asked right before publishing)
     */
    public static AuditNotifyState underLease(StateStore store, String target, Supplier<Fence> lease, BooleanSupplier holds) {
        return new AuditNotifyState(store, target, lease, holds);
    }

    /** The command's: {@code audit-state.json} beside the slow-log state file. */
    public static AuditNotifyState forCommand(CachewatchConfig config) {
        return new AuditNotifyState(FileStateStore.single(Path.of(config.slowlog().stateFile())), "default");
    }

    /** What can be checked before serving: the store can read (and write) the target's state. */
    public void verify() {
        store.verify(target, true);
    }

    /**
     * The results announced as failing (read now; {@link #save} writes against this read). Under leases, a target this
     * task does not hold now is refused: {@link FenceLostException}, nothing read.
     */
    public Map<String, String> failing() {
        if (lease != null) {
            fence = lease.get();
            if (fence == null) {
                throw lost("this task does not hold the lease of " + target);
            }
        }
        read = store.read(target);
        return read.state().notified();
    }

    /**
     * Whether the announcements may be published now: without leases always; under leases only while this task still
     * holds the target's lease under the fence {@link #failing()} read (not lost, not taken over and taken back).
     */
    public boolean mayPublish() {
        return lease == null || (holds.getAsBoolean() && fence != null && fence.equals(lease.get()));
    }

    /** Replaces the announced results, conditional on the state as {@link #failing()} read it (and its fence). */
    public void save(Map<String, String> failing) {
        if (read == null) {
            failing();
        }
        read = store.write(read, read.state().withNotified(failing), fence);
    }

    /** Under leases: the lease was lost before the publish; nothing published, nothing recorded. */
    FenceLostException lost(String why) {
        return new FenceLostException(fence, "audit notify of " + target + " stopped, nothing published: " + why, null);
    }

    public String describe() {
        return store.describe() + " (" + target + ")";
    }
}
