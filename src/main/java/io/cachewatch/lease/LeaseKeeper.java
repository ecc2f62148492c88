package io.cachewatch.lease;

import io.cachewatch.state.Fence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * One task's leases: each {@link #round()} announces the task, reads the tasks and the leases, and renews, hands back
 * and takes leases as {@link LeasePlan} decides. {@link #holds} answers from what this task last wrote, with a safety
 * margin before expiry, and only while the store answered the last round: a task that cannot reach the store cannot
 * prove it holds anything. Thread-safe: rounds run on one thread, {@link #holds} is asked from any.
 */
public final class LeaseKeeper {
    /** The settings of a task's leases. */
    public record Settings(String task, LeasePlan.Timing timing, long marginMillis) {
        public Settings {
            if (marginMillis < 0 || marginMillis >= timing.durationMillis() - timing.renewEveryMillis()) {
                throw new IllegalArgumentException("lease safety margin " + marginMillis + " ms must be at least 0 and below the lease duration minus the renewal interval ("
                        + (timing.durationMillis() - timing.renewEveryMillis()) + " ms)");
            }
        }
    }

    /** The store's state as this task last saw it. */
    public record View(Map<String, String> holders, int liveTasks, boolean reachable, String error, Instant unreachableSince) {
    }

    private final Settings settings;
    private final List<String> targets;
    private final LeaseStore store;
    private final LongSupplier clock;
    /** The leases this task holds, as it last wrote them. */
    private final Map<String, Lease> mine = new HashMap<>();
    private Map<String, String> holders = Map.of();
    private int liveTasks;
    /** When this task last announced itself; null before its first round. */
    private Long lastBeat;
    private boolean reachable;
    private String error = "no round yet";
    private Long unreachableSince;
    private boolean stopped;

    /** @param clock epoch milliseconds */
    public LeaseKeeper(Settings settings, List<String> targets, LeaseStore store, LongSupplier clock) {
        this.settings = settings;
        this.targets = List.copyOf(targets);
        this.store = store;
        this.clock = clock;
    }

    public String task() {
        return settings.task();
    }

    /** One round; never throws: an unreachable store is kept as the reason nothing is held. */
    public synchronized LeaseEvents round() {
        if (stopped) {
            return LeaseEvents.NONE;
        }
        long now = clock.getAsLong();
        try {
            LeasePlan.Timing timing = settings.timing();
            if (lastBeat == null || now - lastBeat >= timing.renewEveryMillis()) {
                store.beat(new TaskBeat(settings.task(), now + timing.durationMillis()));
                lastBeat = now;
            }
            Set<String> live = store.tasks().stream().filter(b -> b.live(now)).map(TaskBeat::task).collect(Collectors.toSet());
            live.add(settings.task());
            Map<String, Lease> leases = new TreeMap<>(store.leases(targets));
            List<String> lost = new ArrayList<>();
            for (String target : List.copyOf(mine.keySet())) {
                Lease current = leases.get(target);
                if (current == null || !current.heldBy(settings.task(), now) || current.fence() != mine.get(target).fence()) {
                    mine.remove(target);
                    lost.add(target);
                }
            }
            LeasePlan plan = LeasePlan.decide(settings.task(), now, timing, leases, live);
            for (LeasePlan.Write w : plan.release()) {
                mine.remove(w.next().target());
                lost.add(w.next().target());
                if (store.write(w)) {
                    leases.put(w.next().target(), w.next());
                }
            }
            for (LeasePlan.Write w : plan.renew()) {
                if (store.write(w)) {
                    mine.put(w.next().target(), w.next());
                    leases.put(w.next().target(), w.next());
                } else {
                    mine.remove(w.next().target());
                    lost.add(w.next().target());
                }
            }
            List<String> acquired = new ArrayList<>();
            List<String> takenOver = new ArrayList<>();
            for (LeasePlan.Write w : plan.acquire()) {
                if (store.write(w)) {
                    mine.put(w.next().target(), w.next());
                    leases.put(w.next().target(), w.next());
                    acquired.add(w.next().target());
                    if (w.next().takenOver()) {
                        takenOver.add(w.next().target());
                    }
                }
            }
            Map<String, String> seen = new LinkedHashMap<>();
            leases.values().forEach(l -> seen.put(l.target(), l.live(now) ? l.holder() : null));
            holders = seen;
            liveTasks = live.size();
            reachable = true;
            error = null;
            unreachableSince = null;
            return new LeaseEvents(List.copyOf(acquired), List.copyOf(takenOver), List.copyOf(lost));
        } catch (LeaseStoreException e) {
            reachable = false;
            error = e.getMessage();
            if (unreachableSince == null) {
                unreachableSince = now;
            }
            return LeaseEvents.NONE;
        }
    }

    /**
     * True while this task may act for the target: it holds the lease by its last write, the expiry (less the
     * margin) is ahead, and the store answered the last round.
     */
    public synchronized boolean holds(String target) {
        Lease lease = mine.get(target);
        return reachable && !stopped && lease != null && clock.getAsLong() < lease.expiresAt() - settings.marginMillis();
    }

    /** The fence to write the target's state under, while this task holds it. */
    public synchronized Optional<Fence> fence(String target) {
        return holds(target) ? Optional.of(new Fence(target, settings.task(), mine.get(target).fence())) : Optional.empty();
    }

    /** The targets this task holds now. */
    public synchronized List<String> held() {
        return targets.stream().filter(this::holds).toList();
    }

    public synchronized View view() {
        return new View(holders, liveTasks, reachable, error, unreachableSince == null ? null : Instant.ofEpochMilli(unreachableSince));
    }

    /**
     * Hands every held lease back and removes the heartbeat, so the other tasks take the targets at their next
     * round; no round runs after this. Returns the targets handed back.
     */
    public synchronized List<String> releaseAll() {
        stopped = true;
        List<String> released = new ArrayList<>();
        for (Lease lease : List.copyOf(mine.values())) {
            try {
                if (store.write(new LeasePlan.Write(lease, lease.released()))) {
                    released.add(lease.target());
                }
            } catch (LeaseStoreException e) {
                // the lease lapses on its own after its duration
            }
        }
        mine.clear();
        try {
            store.leave(settings.task());
        } catch (LeaseStoreException e) {
            // the heartbeat lapses on its own
        }
        return released;
    }
}
