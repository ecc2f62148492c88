package io.cachewatch.serve;

import io.cachewatch.lease.LeaseEvents;
import io.cachewatch.lease.LeaseKeeper;
import io.cachewatch.state.Fence;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Serve's side of the leases: runs the task's lease rounds on a thread of their own every check interval, tells
 * serve which targets it took (so their first reconcile runs at once), mirrors holders into /status and the metrics
 * {@code cachewatch_lease_held{target}} and {@code cachewatch_lease_takeovers_total{target}}, and hands every lease
 * back on stop.
 */
public final class ServeLeases implements TargetGate {
    private static final Logger LOG = Logger.getLogger(ServeLeases.class);
    /** The {@code target} label of the state table's calls in {@code cachewatch_aws_calls_total}. */
    public static final String METERED_AS = "(state table)";

    private final LeaseKeeper keeper;
    private final List<String> targets;
    private final ServeState state;
    private final MeterRegistry registry;
    private final String table;
    private final Map<String, AtomicLong> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cachewatch-leases");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<String> onAcquired = t -> { };
    private volatile boolean wasReachable = true;

    /** @param table where the leases are kept, for /status and messages */
    public ServeLeases(LeaseKeeper keeper, List<String> targets, ServeState state, MeterRegistry registry, String table) {
        this.keeper = keeper;
        this.targets = List.copyOf(targets);
        this.state = state;
        this.registry = registry;
        this.table = table;
        for (String target : targets) {
            Tags t = Tags.of("target", target);
            held.put(target, registry.gauge("cachewatch.lease.held", t, new AtomicLong()));
            registry.counter("cachewatch.lease.takeovers", t);
        }
    }

    public String task() {
        return keeper.task();
    }

    /** Called on the lease thread with each target this task took. */
    public void onAcquired(Consumer<String> listener) {
        this.onAcquired = listener;
    }

    /** Runs the first round now (serve's work starts on what it holds) and then one every interval. */
    public void start(Duration interval) {
        round();
        rounds.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void round() {
        try {
            LeaseEvents events = keeper.round();
            LeaseKeeper.View view = keeper.view();
            if (view.reachable() != wasReachable) {
                if (view.reachable()) {
                    LOG.infof("lease table %s reachable again: working the targets this task holds", table);
                } else {
                    LOG.warnf("lease table %s cannot be reached: no alarm writes and no publishing until it answers: %s", table, view.error());
                }
                wasReachable = view.reachable();
            }
            if (!events.lost().isEmpty()) {
                LOG.infof("task %s no longer holds %s", keeper.task(), events.lost());
            }
            if (!events.acquired().isEmpty()) {
                LOG.infof("task %s took %s%s", keeper.task(), events.acquired(),
                        events.takenOver().isEmpty() ? "" : " (from another task: " + events.takenOver() + ")");
            }
            events.takenOver().forEach(t -> registry.counter("cachewatch.lease.takeovers", Tags.of("target", t)).increment());
            publish(view);
            events.acquired().forEach(t -> {
                try {
                    onAcquired.accept(t);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "starting work on %s failed", t);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "lease round failed");
        }
    }

    private void publish(LeaseKeeper.View view) {
        targets.forEach(t -> held.get(t).set(keeper.holds(t) ? 1 : 0));
        state.leases(new ServeState.Leases(keeper.task(), table, view.reachable(), view.error(), view.unreachableSince(),
                view.liveTasks(), view.holders(), keeper.held()));
    }

    @Override
    public boolean holds(String target) {
        return keeper.holds(target);
    }

    @Override
    public Fence fence(String target) {
        return keeper.fence(target).orElse(null);
    }

    /** Stops the rounds and hands every lease back at once, so the other tasks take the targets at their next round. */
    public void release() {
        rounds.shutdown();
        List<String> released = keeper.releaseAll();
        LOG.infof("task %s handed back %s", keeper.task(), released);
        targets.forEach(t -> held.get(t).set(0));
        publish(keeper.view());
    }
}
