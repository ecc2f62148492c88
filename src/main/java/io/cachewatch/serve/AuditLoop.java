package io.cachewatch.serve;

import io.cachewatch.audit.AuditRun;
import io.cachewatch.auditing.AuditNotifyState;
import io.cachewatch.auditing.AuditPipeline;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.state.FenceLostException;
import io.cachewatch.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Audits every target on a schedule of its own, apart from reconcile and the slow-log reads, so a long audit holds up
 * neither. Each target's audits start every interval (a longer audit delays the next, never overlaps it) on the target's
 * own clients, with notify on: newly failing and newly resolved results go to SNS once, as {@code audit --notify} sends
 * them, and what was sent is kept in the target's own state (the state store). A target's first audit waits for its first reconcile
 * to end, so alarms-in-place does not judge alarms serve itself is still creating. Profiles are read again for every
 * audit, as for every reconcile.
 */
public final class AuditLoop {
    private static final Logger LOG = Logger.getLogger(AuditLoop.class);
    /** How often a target waiting for its first reconcile is looked at again. */
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final List<TargetReconcile> targets;
    private final Wiring wiring;
    private final Path profilesDir;
    private final Map<String, AuditNotifyState> notifyStates = new ConcurrentHashMap<>();
    private final ServeState state;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor scheduler;
    private volatile Duration interval;
    /** Which targets this task audits (with leases: the ones it holds); set before start. */
    private volatile TargetGate gate = TargetGate.ALWAYS;

    /**
     * Checks every target's notify state once, here: a state file that cannot be read stops serve before it serves
     * (a DynamoDB table that cannot be reached does not: that audit's notify fails and says why).
     *
     * @param notifyState a target's notify state in the state store
     */
    public AuditLoop(List<TargetReconcile> targets, Wiring wiring, Path profilesDir, Function<TargetReconcile, AuditNotifyState> notifyState,
                     ServeState state) {
        this.targets = List.copyOf(targets);
        this.wiring = wiring;
        this.profilesDir = profilesDir;
        this.state = state;
        for (TargetReconcile t : this.targets) {
            AuditNotifyState notify = notifyState.apply(t);
            notify.verify();
            notifyStates.put(t.target().name(), notify);
        }
        this.scheduler = new ScheduledThreadPoolExecutor(Math.max(1, targets.size()), r -> {
            Thread t = new Thread(r, "cachewatch-audit");
            t.setDaemon(true);
            return t;
        });
        // the next audit, an interval away, must not hold up stopping
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public void start(Duration firstAudit, Duration interval) {
        this.interval = interval;
        targets.forEach(t -> next(t, firstAudit));
    }

    private void next(TargetReconcile target, Duration in) {
        if (stopping.get()) {
            return;
        }
        try {
            scheduler.schedule(() -> tick(target), Math.max(0, in.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    void tick(TargetReconcile target) {
        if (stopping.get()) {
            return;
        }
        if (!target.reconciledOnce()) {
            state.auditWaiting(target.target().name(), "waiting for the first reconcile to end");
            next(target, RECHECK.compareTo(interval) < 0 ? RECHECK : interval);
            return;
        }
        long started = System.nanoTime();
        try {
            auditOnce(target);
        } finally {
            next(target, interval.minusNanos(System.nanoTime() - started));
        }
    }

    /** With leases: audit only the targets this task holds, asked before each audit. */
    public void gate(TargetGate gate) {
        this.gate = gate;
    }

    /** One audit of one target with notify; never throws. */
    void auditOnce(TargetReconcile target) {
        String name = target.target().name();
        if (!gate.holds(name)) {
            return;
        }
        long start = System.nanoTime();
        try {
            AuditPipeline.Loaded loaded = AuditPipeline.load(wiring, profilesDir);
            if (!loaded.problems().isEmpty()) {
                throw new IllegalStateException("invalid profiles: " + loaded.problems().get(0).message() + " ("
                        + loaded.problems().size() + " problem(s))");
            }
            AuditPipeline pipeline = new AuditPipeline(wiring, target.clients(), target::alarmStore);
            Fleet fleet = pipeline.discover(target.target().regions());
            AuditRun run = pipeline.audit(loaded.inputs(), fleet, LocalDate.now(Clock.systemUTC())).run();
            if (stopping.get()) {
                // nothing announced, nothing recorded: the next start judges and announces again
                LOG.debugf("audit %s: ended by stop before notify", name);
                return;
            }
            AuditPipeline.Notified notified = pipeline.notify(run, notifyStates.get(name));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            state.audited(name, notified.run(), notified.outcome(), Instant.now(), took);
            var summary = notified.run().summary();
            LOG.infof("audit %s: %d results, %d fail, %d unknown; %d newly failing, %d resolved, %d message(s) published in %d ms%s", name,
                    notified.run().results().size(), summary.get("fail"), summary.get("unknown"), notified.outcome().failing(),
                    notified.outcome().resolved(), notified.outcome().published(), took.toMillis(),
                    notified.run().errors().isEmpty() ? "" : ", " + notified.run().errors().size() + " error(s), first: "
                            + notified.run().errors().get(0).operation() + ": " + notified.run().errors().get(0).message());
        } catch (FenceLostException e) {
            // this task lost the target's lease during the audit: the new holder audits and announces
            state.auditFailed(name, Instant.now(), e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
            LOG.warnf("audit %s: %s", name, e.getMessage());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            state.auditFailed(name, Instant.now(), message, Duration.ofNanos(System.nanoTime() - start));
            if (stopping.get()) {
                LOG.debugf("audit %s: ended by stop: %s", name, message);
            } else {
                LOG.errorf(e, "audit %s failed", name);
            }
        }
    }

    /**
     * Stops scheduling. An audit in flight gets half the timeout to end (an audit past its reads announces and saves
     * what it found; one still reading announces nothing); then it is interrupted. True when every audit ended in time.
     */
    public boolean stop(Duration timeout) {
        stopping.set(true);
        return Schedules.stop(scheduler, timeout, () -> { });
    }
}
