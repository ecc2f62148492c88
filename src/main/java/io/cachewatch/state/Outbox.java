package io.cachewatch.state;

import io.cachewatch.notify.Notification;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A target's messages recorded before they are published: bounded (the oldest are dropped and counted when full), and a
 * message whose deduplication id is already waiting is not added twice (the same entries read again after a write
 * that failed half way give the same finding, fingerprint and id).
 */
public final class Outbox {
    private final int capacity;
    private final Deque<Pending> messages;
    private long nextSeq;
    private long dropped;

    public Outbox(List<Pending> pending, int capacity) {
        this.capacity = Math.max(1, capacity);
        this.messages = new ArrayDeque<>(pending.stream().sorted(java.util.Comparator.comparingLong(Pending::seq)).toList());
        this.nextSeq = pending.stream().mapToLong(Pending::seq).max().orElse(-1) + 1;
        while (messages.size() > this.capacity) {
            messages.removeFirst();
            dropped++;
        }
    }

    /** Adds messages at the end; returns how many were added (not already waiting). */
    public int add(List<Notification> fresh) {
        Set<String> waiting = new HashSet<>();
        messages.forEach(p -> waiting.add(p.message().deduplicationId()));
        int added = 0;
        for (Notification n : fresh) {
            if (!waiting.add(n.deduplicationId())) {
                continue;
            }
            if (messages.size() == capacity) {
                messages.removeFirst();
                dropped++;
            }
            messages.addLast(new Pending(nextSeq++, n));
            added++;
        }
        return added;
    }

    public List<Pending> pending() {
        return List.copyOf(messages);
    }

    public List<Notification> messages() {
        return messages.stream().map(Pending::message).toList();
    }

    /** Messages dropped from the full outbox by this instance. */
    public long dropped() {
        return dropped;
    }

    /** What stays after a delivery: the outbox's entries whose message is among {@code undelivered}. */
    public List<Pending> remaining(List<Notification> undelivered) {
        List<Notification> left = new ArrayList<>(undelivered);
        return messages.stream().filter(p -> left.remove(p.message())).toList();
    }
}
