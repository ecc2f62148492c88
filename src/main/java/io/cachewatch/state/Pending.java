package io.cachewatch.state;

import io.cachewatch.notify.Notification;

/**
 * A message recorded in a target's outbox and not yet delivered. {@code seq} orders the outbox (oldest first) and
 * addresses the message in the store: it only grows, so a message keeps its place while it waits.
 */
public record Pending(long seq, Notification message) {
}
