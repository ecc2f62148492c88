package io.cachewatch.state;

/**
 * Where serve keeps what it must not forget per target (the slow-log cursors, suppression, outbox and dropped count;
 * the audit's notified results), so a restart or another task neither repeats nor drops a finding. Implementations:
 * the file store (one process, the default) and the DynamoDB store (several tasks sharing targets by lease).
 *
 * <p>Errors are this port's own: {@link StoreUnavailableException} (the store cannot be reached or refuses the
 * caller: nothing was written), {@link VersionRaceException} (an item changed since it was read: read again),
 * {@link FenceLostException} (the write was made under a lease this task no longer holds: stop working the target).
 * A caller publishes nothing it could not record first.
 */
public interface StateStore {
    /** Everything kept for the target (one batch read); an empty state for a target never written. */
    StateSnapshot read(String target);

    /**
     * Writes what differs between {@code before} (as read) and {@code after}, each item conditional on the version
     * {@code before} holds, and under {@code fence} (null: no lease, a single process) when the store can check one.
     * Nothing differs: no call. Returns the snapshot to base the next write on.
     */
    StateSnapshot write(StateSnapshot before, TargetState after, Fence fence);

    /**
     * What can be checked at start before anything is read or sent: the file store checks it can read its files and
     * (when {@code writing}) write them, failing with a usage error, and starts a missing slow-log file; the DynamoDB store checks nothing (a table that
     * cannot be reached is a readiness matter: serve starts, reports it, and resumes when it can).
     */
    default void verify(String target, boolean writing) {
    }

    /** Where the state is kept, for messages and /status: a path, a table and region. */
    String describe();
}
