package io.cachewatch.serve;

import io.cachewatch.wiring.Wiring;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs reconcile for every target on a schedule. One scheduler thread: a run that outlasts the interval delays the
 * next instead of overlapping it. Targets run in parallel, each on its own thread, so one slow or failing target
 * does not hold up the others. Its inputs (profiles, templates) are read again per run, so edits take effect without
 * a restart. {@link #stop(Duration)} lets an in-flight apply finish its current AWS call.
 */
public final class ServeLoop {
    private static final Logger LOG = Logger.getLogger(ServeLoop.class);

    private final List<TargetReconcile> targets;
    private final Supplier<Wiring.Inputs> inputs;
    private final ServeState state;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("cachewatch-schedule"));
    private final ExecutorService workers;
    private final TargetGate gate;
    /** Targets with a run in flight: a run asked for while one is going is skipped, never run twice at once. */
    private final java.util.Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ServeLoop(List<TargetReconcile> targets, Supplier<Wiring.Inputs> inputs, ServeState state) {
        this(targets, inputs, state, TargetGate.ALWAYS);
    }

    /** @param gate which targets this task works (with leases: the ones it holds), asked before a run and between writes */
    public ServeLoop(List<TargetReconcile> targets, Supplier<Wiring.Inputs> inputs, ServeState state, TargetGate gate) {
        this.targets = List.copyOf(targets);
        this.inputs = inputs;
        this.state = state;
        this.gate = gate;
        this.workers = Executors.newFixedThreadPool(Math.max(1, targets.size()), daemon("cachewatch-target"));
    }

    public void start(Duration firstRun, Duration interval) {
        scheduler.scheduleAtFixedRate(this::reconcileAll, firstRun.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once a stop was requested: checked by the applier between AWS writes. */
    public boolean stopRequested() {
        return stopping.get();
    }

    void reconcileAll() {
        if (stopping.get()) {
            return;
        }
        Instant started = Instant.now();
        Wiring.Inputs in;
        try {
            in = inputs.get();
        } catch (RuntimeException e) {
            LOG.errorf("reconcile cannot start: %s", e.getMessage());
            targets.forEach(t -> state.finished(t.target().name(), TargetReconcile.failed(started, e)));
            return;
        }
        List<Future<?>> submitted = new ArrayList<>();
        for (TargetReconcile target : targets) {
            submitted.add(workers.submit(() -> run(target, in)));
        }
        for (Future<?> f : submitted) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.errorf(e, "reconcile failed");
            }
        }
    }

    /**
     * Reconciles one target now, apart from the schedule (a target this task just took): its slow-log reads wait
     * for its discovery, so it should not wait for the next scheduled run.
     */
    public void runNow(String name) {
        targets.stream().filter(t -> t.target().name().equals(name)).findFirst().ifPresent(target -> {
            if (stopping.get()) {
                return;
            }
            try {
                workers.submit(() -> {
                    try {
                        run(target, inputs.get());
                    } catch (RuntimeException e) {
                        LOG.errorf("reconcile %s cannot start: %s", name, e.getMessage());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopping
            }
        });
    }

    /**
     * One run of one target, when this task works it. Alarm and dashboard writes stop, each before it is made, as
     * soon as serve stops or the target's lease is no longer held.
     */
    private void run(TargetReconcile target, Wiring.Inputs in) {
        String name = target.target().name();
        if (!gate.holds(name) || !running.add(name)) {
            return;
        }
        try {
            TargetStatus.RunResult result = target.run(in, () -> stopping.get() || !gate.holds(name), () -> state.discovered(name));
            state.finished(name, result);
            LOG.infof("reconcile %s: %s in %d ms%s", name, result.summary(),
                    Duration.between(result.started(), result.finished()).toMillis(),
                    result.errors().isEmpty() ? "" : ", " + result.errors().size() + " error(s): " + result.errors().get(0));
        } finally {
            running.remove(name);
        }
    }

    /**
     * Stops scheduling, waits up to the timeout for the in-flight run; true when it ended in time. The targets'
     * clients stay open (the slow-log reads use them too): close the targets after every loop stopped.
     */
    public boolean stop(Duration timeout) {
        stopping.set(true);
        scheduler.shutdown();
        workers.shutdown();
        try {
            boolean ended = scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                scheduler.shutdownNow();
                workers.shutdownNow();
            }
            return ended;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
