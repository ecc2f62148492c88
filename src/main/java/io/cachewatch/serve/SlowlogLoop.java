package io.cachewatch.serve;

import io.cachewatch.collect.FileStateStore;
import io.cachewatch.collect.SlowlogCollector;
import io.cachewatch.report.VisibleText;
import io.cachewatch.state.FenceLostException;
import io.cachewatch.state.StoreUnavailableException;
import io.cachewatch.state.VersionRaceException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Reads the slow logs of every target on a schedule of its own, apart from reconcile, so a long apply never delays
 * them. Each target is a periodic task at a fixed rate: polls start every interval (so a slow command reaches SNS
 * within about an interval, however long reading all nodes takes), a poll slowed by unreachable nodes delays the next
 * instead of overlapping it (the executor never runs one task twice at once), and a slow target holds up no other. The nodes are
 * those of the target's latest complete discovery (by reconcile); until the first, the poll is skipped.
 */
public final class SlowlogLoop {
    private static final Logger LOG = Logger.getLogger(SlowlogLoop.class);

    private final List<TargetReconcile> targets;
    private final Map<String, SlowlogCollector> collectors = new ConcurrentHashMap<>();
    private final Map<String, Integer> failed = new ConcurrentHashMap<>();
    private final ServeState state;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ScheduledExecutorService scheduler;

    /** {@code collector} builds a target's collector (its state file, its SNS client); called once per target, here. */
    public SlowlogLoop(List<TargetReconcile> targets, Function<TargetReconcile, SlowlogCollector> collector, ServeState state) {
        this.targets = List.copyOf(targets);
        this.state = state;
        List<SlowlogCollector> built = new ArrayList<>();
        try {
            for (TargetReconcile t : this.targets) {
                SlowlogCollector c = collector.apply(t);
                built.add(c);
                collectors.put(t.target().name(), c);
            }
        } catch (RuntimeException e) {
            built.forEach(SlowlogCollector::close);
            throw e;
        }
        this.scheduler = Executors.newScheduledThreadPool(Math.max(1, targets.size()), r -> {
            Thread t = new Thread(r, "cachewatch-slowlog");
            t.setDaemon(true);
            return t;
        });
    }

    public void start(Duration firstPoll, Duration interval) {
        for (TargetReconcile t : targets) {
            scheduler.scheduleAtFixedRate(() -> poll(t), firstPoll.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void poll(TargetReconcile target) {
        String name = target.target().name();
        if (stopping.get()) {
            return;
        }
        var clusters = target.discoveredClusters();
        if (clusters.isEmpty()) {
            state.slowlogWaiting(name, "waiting for a complete discovery of " + String.join(", ", target.undiscoveredRegions()));
            return;
        }
        long start = System.nanoTime();
        try {
            SlowlogCollector.Result result = collectors.get(name).pollOnce(clusters.get());
            state.stateStoreAnswered(name);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            state.slowlogPolled(name, result, took);
            var o = result.outcome();
            String summary = String.format("slowlog %s: %d nodes read, %d failed, %d entries, %d findings (%d suppressed), %d published, %d pending in %d ms",
                    name, o.nodesRead(), o.failures().size(), o.entries(), o.findings().size(), o.suppressed().size(),
                    result.delivery().published(), result.delivery().pending(), took.toMillis());
            // an idle poll every 30 s is not worth a log line, nor the same unreachable nodes again; findings and changes are
            Integer failedBefore = failed.put(name, o.failures().size());
            if (o.findings().isEmpty() && (result.ok() || Integer.valueOf(o.failures().size()).equals(failedBefore))
                    && result.delivery().errors().isEmpty()) {
                LOG.debug(summary);
            } else {
                // node names and server errors come from the data plane: shown, never interpreted by a terminal
                LOG.info(summary + (o.failures().isEmpty() ? "" : ", first failure: " + VisibleText.of(o.failures().get(0).cluster() + "/"
                        + o.failures().get(0).node() + ": " + o.failures().get(0).reason())));
            }
        } catch (StoreUnavailableException e) {
            // nothing was published that was not recorded first; readiness says why until the store answers again
            state.stateStoreUnavailable(name, e.getMessage());
            state.slowlogFailed(name, Instant.now(), e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
            LOG.warnf("slowlog %s: state store unavailable: %s", name, e.getMessage());
        } catch (VersionRaceException | FenceLostException e) {
            // the store answered: another writer changed the target's state (read again next poll), or this task no
            // longer holds the target's lease (the new holder publishes what was recorded); nothing was published
            state.stateStoreAnswered(name);
            state.slowlogFailed(name, Instant.now(), e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
            LOG.warnf("slowlog %s: state not recorded: %s", name, e.getMessage());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            state.slowlogFailed(name, Instant.now(), message, Duration.ofNanos(System.nanoTime() - start));
            if (stopping.get()) {
                LOG.debugf("slowlog %s: poll ended by stop: %s", name, message);
            } else {
                LOG.errorf(e, "slowlog %s: poll failed", name);
            }
        }
    }

    /**
     * Stops scheduling. A poll in flight gets half the timeout to finish (publish, save its state); then its
     * connections are closed and it is interrupted (a connect or request waiting on a silent node ends at once; what
     * was not read keeps its cursor for the next start). True when every poll ended in time.
     */
    public boolean stop(Duration timeout) {
        stopping.set(true);
        try {
            // connections closed and node reads cancelled first, so the interrupted poll cannot start new ones
            return Schedules.stop(scheduler, timeout, () -> collectors.values().forEach(SlowlogCollector::close));
        } finally {
            collectors.values().forEach(SlowlogCollector::close);
        }
    }

    /** A target's own state file ({@link FileStateStore#targetFile}), so targets never share cursors or suppression. */
    public static Path stateFile(Path configured, String target) {
        return FileStateStore.targetFile(configured, target);
    }
}
