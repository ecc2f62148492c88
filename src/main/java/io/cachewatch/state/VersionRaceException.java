package io.cachewatch.state;

/**
 * An item changed (or appeared, or went) since the caller read it: another writer got there first. Nothing of the
 * failed transaction was written; the caller drops what it computed from the old read and reads again.
 */
public final class VersionRaceException extends StateStoreException {
    public VersionRaceException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public VersionRaceException after(String context) {
        return new VersionRaceException(context + ": " + getMessage(), this);
    }
}
