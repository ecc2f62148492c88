package io.cachewatch.state;

/**
 * One item to write: its sort key, the new body (null: delete it) and the version it must still have (null: it must
 * not exist yet). The store writes {@code expectedVersion + 1} (1 for a new item).
 */
public record StateChange(String sortKey, String body, Long expectedVersion) {
    public boolean delete() {
        return body == null;
    }

    public long nextVersion() {
        return expectedVersion == null ? 1 : expectedVersion + 1;
    }
}
