package io.cachewatch.state;

/**
 * The store cannot be reached or refused the call (network, throttling after retries, access denied, no such table):
 * nothing was written. The caller publishes nothing it could not record, reports not ready with this message and
 * tries again at its next poll.
 */
public final class StoreUnavailableException extends StateStoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public StoreUnavailableException after(String context) {
        return new StoreUnavailableException(context + ": " + getMessage(), this);
    }
}
