package io.cachewatch.collect;

/**
 * The slow-log state file cannot be written where it is configured. Raised before any node is read or any message is
 * published: without its state a run would send every finding again next time.
 */
public final class StateNotWritableException extends RuntimeException {
    public StateNotWritableException(String message) {
        super(message);
    }
}
