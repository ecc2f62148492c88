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

    public ServeLoop(List<TargetReconcile> targets, Supplier<Wiring.Inputs> inputs, ServeState state) {
        this.targets = List.copyOf(targets);
        this.inputs = inputs;
        this.state = state;
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
        List<Future<?>> running = new ArrayList<>();
        for (TargetReconcile target : targets) {
            running.add(workers.submit(() -> {
                TargetStatus.RunResult result = target.run(in, stopping::get,
                        () -> state.discovered(target.target().name()));
                state.finished(target.target().name(), result);
                LOG.infof("reconcile %s: %s in %d ms%s", target.target().name(), result.summary(),
                        Duration.between(result.started(), result.finished()).toMillis(),
                        result.errors().isEmpty() ? "" : ", " + result.errors().size() + " error(s): " + result.errors().get(0));
            }));
        }
        for (Future<?> f : running) {
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
