package io.cachewatch.lease;

/** A task's announcement that it is alive and sharing the targets, until {@code expiresAt} (epoch milliseconds). */
public record TaskBeat(String task, long expiresAt) {
    public boolean live(long nowMillis) {
        return nowMillis < expiresAt;
    }
}
