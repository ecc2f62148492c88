package io.cachewatch.state;

/** A state store call failed; the subclass says why and what the caller does next. */
public abstract sealed class StateStoreException extends RuntimeException
        permits StoreUnavailableException, VersionRaceException, FenceLostException {
    protected StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same failure, its message preceded by what the caller had done ("nothing published: …"). */
    public abstract StateStoreException after(String context);
}
