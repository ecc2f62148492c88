package io.cachewatch.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.notify.Notification;
import io.cachewatch.slowlog.NodeCursor;
import io.cachewatch.slowlog.Severity;
import io.cachewatch.slowlog.Suppression;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateCoreTest {
    private static Notification message(String id) {
        return new Notification("warning", "{\"id\":\"" + id + "\"}", Map.of("kind", "keys"), "orders", id);
    }

    private static final TargetState STATE = new TargetState(
            Map.of("c|n1", new NodeCursor(10, "r1", true), "c|n2|large-request", new NodeCursor(3, null)),
            Map.of("c|keys|KEYS a:*", new Suppression.Sent(Instant.parse("2026-11-30T10:00:00.5Z"), Severity.CRITICAL, 9)),
            List.of(new Pending(7, message("m7")), new Pending(5, message("m5"))), 2, Map.of("r1", "high"));

    @Test
    void everyPartIsItsOwnItemAndReadsBackTheSame() {
        Map<String, String> items = StateItems.encode(STATE);
        assertThat(items.keySet()).containsExactly("cursor#c|n1", "cursor#c|n2|large-request", "dropped#total", "notified#r1",
                "pending#0000000000000000005", "pending#0000000000000000007", "suppression#c|keys|KEYS a:*");
        assertThat(StateItems.decode(items)).isEqualTo(STATE);
        assertThat(STATE.pending()).as("the outbox is kept oldest first").extracting(Pending::seq).containsExactly(5L, 7L);
        assertThat(StateItems.encode(STATE)).as("deterministic: an unchanged value encodes the same").isEqualTo(items);
        assertThat(StateItems.decode(Map.of("future#x", "{}"))).as("a newer version's kind is left alone").isEqualTo(TargetState.EMPTY);
        assertThatThrownBy(() -> StateItems.decode(Map.of("cursor#x", "not json"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("state item cursor#x cannot be read");
    }

    @Test
    void aKeyTooLongForASortKeyIsAddressedByItsHashAndKeptInTheBody() {
        String key = "c|keys|" + "é".repeat(600);
        String sk = StateItems.sortKey(StateItems.SUPPRESSION, key);
        assertThat(sk).startsWith("suppression#~").hasSize("suppression#~".length() + 64);
        assertThat(sk.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(StateItems.MAX_SORT_KEY_BYTES);
        TargetState state = new TargetState(Map.of(), Map.of(key, new Suppression.Sent(Instant.EPOCH, Severity.INFO, 1)), List.of(), 0, Map.of());
        assertThat(StateItems.decode(StateItems.encode(state))).isEqualTo(state);
        assertThat(StateItems.sortKey(StateItems.CURSOR, "~x")).as("a key that looks hashed is hashed too").isNotEqualTo("cursor#~x");
    }

    @Test
    void changesAreWhatDiffersConditionalOnTheVersionReadWithNewMessagesFirstAndDeliveredOnesLast() {
        Map<String, Long> versions = Map.of("cursor#c|n1", 4L, "cursor#c|n2|large-request", 1L, "dropped#total", 2L, "notified#r1", 1L,
                "pending#0000000000000000005", 1L, "pending#0000000000000000007", 1L, "suppression#c|keys|KEYS a:*", 3L);
        StateSnapshot read = new StateSnapshot("prod", STATE, versions);
        assertThat(StateChanges.between(read, STATE)).isEmpty();

        TargetState next = STATE.withSlowlog(Map.of("c|n1", new NodeCursor(12, "r1", true), "c|n2|large-request", new NodeCursor(3, null)),
                STATE.suppression(), List.of(new Pending(7, message("m7")), new Pending(8, message("m8"))), 3);
        List<StateChange> changes = StateChanges.between(read, next);
        assertThat(changes).extracting(StateChange::sortKey).containsExactly("pending#0000000000000000008", "dropped#total",
                "cursor#c|n1", "pending#0000000000000000005");
        assertThat(changes.get(0).expectedVersion()).as("new: must not exist").isNull();
        assertThat(changes.get(0).nextVersion()).isEqualTo(1);
        assertThat(changes.get(2).expectedVersion()).isEqualTo(4L);
        assertThat(changes.get(2).nextVersion()).isEqualTo(5);
        assertThat(changes.get(3).delete()).isTrue();
        assertThat(changes.get(3).expectedVersion()).isEqualTo(1L);
        assertThat(StateChanges.versionsAfter(versions, changes)).containsEntry("cursor#c|n1", 5L)
                .containsEntry("pending#0000000000000000008", 1L).doesNotContainKey("pending#0000000000000000005")
                .containsEntry("cursor#c|n2|large-request", 1L);
        assertThat(STATE.slowlogDiffers(next)).isTrue();
        assertThat(STATE.slowlogDiffers(STATE.withNotified(Map.of()))).as("the audit's part is not the slow log's").isFalse();
    }

    @Test
    void theOutboxKeepsOrderDropsTheOldestWhenFullAndDoesNotAddAWaitingMessageTwice() {
        Outbox outbox = new Outbox(List.of(new Pending(4, message("a")), new Pending(2, message("b"))), 3);
        assertThat(outbox.add(List.of(message("a"), message("c")))).as("a is already waiting").isEqualTo(1);
        assertThat(outbox.pending()).extracting(Pending::seq).containsExactly(2L, 4L, 5L);
        assertThat(outbox.messages()).extracting(Notification::deduplicationId).containsExactly("b", "a", "c");
        outbox.add(List.of(message("d")));
        assertThat(outbox.messages()).extracting(Notification::deduplicationId).containsExactly("a", "c", "d");
        assertThat(outbox.dropped()).isEqualTo(1);
        assertThat(outbox.remaining(List.of(message("c")))).extracting(Pending::seq).containsExactly(5L);
        assertThat(new Outbox(List.of(new Pending(0, message("x")), new Pending(1, message("y"))), 1).dropped())
                .as("a smaller buffer than what was kept drops the oldest").isEqualTo(1);
    }

    @Test
    void aFenceNamesItsTargetAndHolder() {
        assertThatThrownBy(() -> new Fence(" ", "task", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
