package io.cachewatch.state;

import java.util.Map;

/**
 * A target's state as one read (or write) left it, with the version of every stored item (by its address in the
 * store). The next write is conditional on exactly these versions: an item another writer changed since makes it fail
 * with {@link VersionRaceException} instead of overwriting what the other wrote. A store without versions (the file
 * store: one process owns the file) leaves them empty.
 */
public record StateSnapshot(String target, TargetState state, Map<String, Long> versions) {
    public StateSnapshot {
        state = state == null ? TargetState.EMPTY : state;
        versions = versions == null ? Map.of() : Map.copyOf(versions);
    }
}
