package io.cachewatch.cli;

/** A command line or configuration that cannot be run as given (exit 64). */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
