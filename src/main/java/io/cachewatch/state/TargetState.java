package io.cachewatch.state;

import io.cachewatch.slowlog.NodeCursor;
import io.cachewatch.slowlog.Suppression;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What serve keeps per target between polls, restarts and tasks.
 *
 * @param cursors     where reading each node's log stopped, by cursor key (cluster, node and, for logs other than the
 *                    slow log, the log type: the store treats the key as opaque text)
 * @param suppression what was last sent per cluster, kind and pattern
 * @param pending     the outbox: messages recorded but not yet delivered, oldest first
 * @param dropped     messages dropped from the full outbox, in total
 * @param notified    the audit's results announced as failing and not yet announced resolved: result id → severity
 */
public record TargetState(Map<String, NodeCursor> cursors, Map<String, Suppression.Sent> suppression, List<Pending> pending,
                          long dropped, Map<String, String> notified) {
    public static final TargetState EMPTY = new TargetState(Map.of(), Map.of(), List.of(), 0, Map.of());

    public TargetState {
        cursors = cursors == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(cursors));
        suppression = suppression == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(suppression));
        pending = pending == null ? List.of() : pending.stream().sorted(Comparator.comparingLong(Pending::seq)).toList();
        notified = notified == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(notified));
    }

    /** This state with the slow-log part replaced; the audit's part stays. */
    public TargetState withSlowlog(Map<String, NodeCursor> cursors, Map<String, Suppression.Sent> suppression, List<Pending> pending,
                                   long dropped) {
        return new TargetState(cursors, suppression, pending, dropped, notified);
    }

    public TargetState withPending(List<Pending> pending) {
        return new TargetState(cursors, suppression, pending, dropped, notified);
    }

    public TargetState withNotified(Map<String, String> notified) {
        return new TargetState(cursors, suppression, pending, dropped, notified);
    }

    /** The slow-log part differs (cursors, suppression, outbox or dropped count). */
    public boolean slowlogDiffers(TargetState other) {
        return !cursors.equals(other.cursors) || !suppression.equals(other.suppression) || !pending.equals(other.pending)
                || dropped != other.dropped;
    }
}
