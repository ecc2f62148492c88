package io.cachewatch.config;

/** A command line or configuration that cannot be run as given (exit 64); thrown where configuration is read and checked. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
