package io.cachewatch.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a write must do to turn the state as read into the state wanted: the items whose body differs, each
 * conditional on the version read. An item read without a version (the store did not have it) must not exist.
 *
 * <p>Order matters when a store splits a write into several transactions (DynamoDB: at most 100 actions each): new
 * outbox messages go first, cursors and suppression after, deletions of delivered messages last. A failure between
 * two transactions then leaves a message recorded before the cursor that would stop it from being found again, never
 * the other way round: it is delivered later (at least once), never lost.
 */
public final class StateChanges {
    private StateChanges() {
    }

    public static List<StateChange> between(StateSnapshot before, TargetState after) {
        Map<String, String> was = StateItems.encode(before.state());
        Map<String, String> wanted = StateItems.encode(after);
        List<StateChange> changes = new ArrayList<>();
        wanted.forEach((sk, body) -> {
            if (!body.equals(was.get(sk))) {
                changes.add(new StateChange(sk, body, was.containsKey(sk) ? before.versions().get(sk) : null));
            }
        });
        was.keySet().stream().filter(sk -> !wanted.containsKey(sk))
                .forEach(sk -> changes.add(new StateChange(sk, null, before.versions().get(sk))));
        changes.sort(Comparator.comparingInt(StateChanges::rank).thenComparing(StateChange::sortKey));
        return changes;
    }

    /** The versions after {@code changes} were written on top of {@code before}'s. */
    public static Map<String, Long> versionsAfter(Map<String, Long> before, List<StateChange> changes) {
        Map<String, Long> versions = new HashMap<>(before);
        for (StateChange c : changes) {
            if (c.delete()) {
                versions.remove(c.sortKey());
            } else {
                versions.put(c.sortKey(), c.nextVersion());
            }
        }
        return versions;
    }

    private static int rank(StateChange c) {
        String kind = StateItems.kind(c.sortKey());
        if (kind.equals(StateItems.PENDING)) {
            return c.delete() ? 3 : 0;
        }
        return kind.equals(StateItems.DROPPED) ? 1 : 2;
    }
}
