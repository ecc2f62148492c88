package io.cachewatch.lease;

/** The lease store could not be reached or refused a call: the task cannot prove it holds any lease. */
public class LeaseStoreException extends RuntimeException {
    public LeaseStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
