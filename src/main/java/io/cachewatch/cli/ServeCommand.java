package io.cachewatch.cli;

import io.cachewatch.config.StateSettings;
import io.cachewatch.config.UsageException;
import io.cachewatch.wiring.Wiring;
import io.cachewatch.collect.FileStateStore;
import io.cachewatch.collect.SlowlogCollector;
import io.cachewatch.redis.SlowlogVertx;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.auditing.AuditNotifyState;
import io.cachewatch.serve.AuditLoop;
import io.cachewatch.serve.ServeLoop;
import io.cachewatch.serve.ServeState;
import io.cachewatch.serve.SlowlogLoop;
import io.cachewatch.serve.Target;
import io.cachewatch.aws.AwsClients;
import io.cachewatch.serve.MeteredAwsCalls;
import io.cachewatch.serve.ServeLeases;
import io.cachewatch.serve.TargetGate;
import io.cachewatch.serve.TargetReconcile;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.smallrye.common.annotation.Identifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Keeps running: reconciles every target on a schedule (cachewatch.serve.reconcile-interval), reads their slow"
                + " logs on another (cachewatch.slowlog.interval), audits them on a third (cachewatch.audit.interval, notify on) and serves"
                + " /q/health, /q/metrics and /status over HTTP (quarkus.http.port). SIGTERM stops it cleanly with exit 0.")
public class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(ServeCommand.class);

    @Mixin
    ProfilesOption profiles;

    @Spec
    CommandSpec spec;

    @Inject
    Wiring wiring;

    @Inject
    ServeState state;

    @Inject
    MeterRegistry registry;

    @Inject
    @Identifier(SlowlogVertx.NAME)
    Instance<Vertx> vertx; // made on first use: the other commands never start its threads

    @Override
    public Integer call() throws Exception {
        List<Target> targets;
        try {
            targets = Target.from(wiring.config(), wiring.config().targets().map(List::isEmpty).orElse(true) ? wiring.regions(null) : List.of());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // with the DynamoDB store, tasks share the targets by lease; a store or lease setting that cannot work exits 64 here
        AwsClients tableClients = new AwsClients(wiring.config().aws().maxAttempts(), null,
                List.of(new MeteredAwsCalls(registry, ServeLeases.METERED_AS)));
        ServeLeases leases = wiring.leaseKeeper(targets.stream().map(Target::name).toList(), tableClients, targets.get(0).regions().get(0))
                .map(k -> new ServeLeases(k, targets.stream().map(Target::name).toList(), state, registry,
                        wiring.config().state().table().orElse("")))
                .orElse(null);
        TargetGate gate = leases == null ? TargetGate.ALWAYS : leases;
        Path dir = profiles.directory(wiring);
        // profile and template problems stop serve before it starts rather than failing every run; configuration
        // errors exit 64 before serving
        Wiring.Loaded first = wiring.reconcileInputs(dir, true);
        if (!first.problems().isEmpty()) {
            first.problems().forEach(p -> spec.commandLine().getErr().println(p));
            return ReconcileReport.EXIT_ERRORS;
        }

        CountDownLatch stop = new CountDownLatch(1);
        // ECS stops a task with SIGTERM: take it over from the JVM so the in-flight apply can end cleanly and exit 0
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());

        var serve = wiring.config().serve();
        boolean slowlogOn = serve.slowlog().enabled();
        List<TargetReconcile> reconciles = targets.stream().map(t -> new TargetReconcile(t, wiring, registry)).toList();
        SlowlogLoop slowlog = null;
        if (slowlogOn) {
            Path configured = Path.of(wiring.config().slowlog().stateFile());
            List<Path> files = targets.stream().map(t -> SlowlogLoop.stateFile(configured, t.name())).distinct().toList();
            if (!StateSettings.dynamoDb(wiring.config().state()) && files.size() != targets.size()) {
                reconciles.forEach(TargetReconcile::close);
                throw new UsageException("cachewatch.targets: names must stay distinct as file names (slow-log state files " + files + ")");
            }
            String stateRegion = targets.get(0).regions().get(0);
            try {
                // a state file that cannot be read exits 64 here, before serving; an unreachable table does not stop
                // serve: its polls fail, readiness says why, and they resume when the table answers
                slowlog = new SlowlogLoop(reconciles, t -> new SlowlogCollector(wiring.config(), vertx.get(), t.clients(),
                        wiring.stateStore(t.homeClients(), stateRegion), t.target().name(), false, null), state, gate);
            } catch (RuntimeException e) {
                reconciles.forEach(TargetReconcile::close);
                throw e;
            }
        }
        boolean auditOn = serve.audit().enabled();
        AuditLoop audit = null;
        if (auditOn) {
            String stateRegion = targets.get(0).regions().get(0);
            try {
                if (!StateSettings.dynamoDb(wiring.config().state())) {
                    distinctStateFiles(Path.of(wiring.config().slowlog().stateFile()), targets, "audit");
                }
                // a state file that cannot be read exits 64 here, before serving
                audit = new AuditLoop(reconciles, wiring, dir,
                        t -> leases == null ? new AuditNotifyState(wiring.stateStore(t.homeClients(), stateRegion), t.target().name())
                                : AuditNotifyState.underLease(wiring.stateStore(t.homeClients(), stateRegion), t.target().name(),
                                        () -> gate.fence(t.target().name()), () -> gate.holds(t.target().name())), state);
                audit.gate(gate);
            } catch (RuntimeException e) {
                if (slowlog != null) {
                    slowlog.stop(Duration.ZERO);
                }
                reconciles.forEach(TargetReconcile::close);
                throw e;
            }
        }
        state.serving(targets, slowlogOn, auditOn);
        ServeLoop loop = new ServeLoop(reconciles, () -> {
            Wiring.Loaded loaded = wiring.reconcileInputs(dir, true);
            if (!loaded.problems().isEmpty()) {
                throw new IllegalStateException("invalid profiles or dashboard templates: " + loaded.problems().get(0)
                        + " (" + loaded.problems().size() + " problem(s))");
            }
            return loaded.inputs();
        }, state, gate);
        if (leases != null) {
            // a target taken (at start or from another task) is reconciled at once: its slow-log reads wait for its discovery
            leases.onAcquired(loop::runNow);
            leases.start(wiring.config().lease().checkInterval());
            LOG.infof("task %s shares the targets through lease table %s (leases of %s)", leases.task(),
                    wiring.config().state().table().orElse(""), wiring.config().lease().duration());
        }
        loop.start(serve.firstRunDelay(), serve.reconcileInterval());
        Duration slowlogInterval = wiring.config().slowlog().interval();
        if (slowlog != null) {
            slowlog.start(serve.firstRunDelay(), slowlogInterval);
        }
        Duration auditInterval = wiring.config().audit().interval();
        if (audit != null) {
            audit.start(serve.firstRunDelay(), auditInterval);
        }
        LOG.infof("serving %d target(s) %s on port %s, reconcile every %s, %s, %s", targets.size(), targets.stream().map(Target::name).toList(),
                ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", String.class).orElse("8080"), serve.reconcileInterval(),
                slowlog == null ? "slow-log reads off" : "slow-log reads every " + slowlogInterval,
                audit == null ? "audit off" : "audit every " + auditInterval);
        stop.await();
        if (leases != null) {
            // first, so the other tasks take the targets at their next round: every write of this task stops before it is made
            leases.release();
        }
        Duration timeout = serve.stopTimeout();
        LOG.infof("stopping: letting the current reconcile finish its AWS call and the current slow-log poll and audit end (up to %s)", timeout);
        // the schedules stop at once, each within the timeout; the clients they share close after all of them
        SlowlogLoop reads = slowlog;
        CompletableFuture<Boolean> slowlogStopped = reads == null ? CompletableFuture.completedFuture(true)
                : CompletableFuture.supplyAsync(() -> reads.stop(timeout));
        AuditLoop audits = audit;
        CompletableFuture<Boolean> auditStopped = audits == null ? CompletableFuture.completedFuture(true)
                : CompletableFuture.supplyAsync(() -> audits.stop(timeout));
        boolean clean = loop.stop(timeout) & slowlogStopped.join() & auditStopped.join();
        reconciles.forEach(TargetReconcile::close);
        tableClients.close();
        if (clean) {
            LOG.info("stopped");
        } else {
            LOG.warnf("the current run did not stop within %s; exiting anyway", timeout);
        }
        return ReconcileReport.EXIT_OK;
    }

    /** Each target keeps its own state file beside the configured one: two target names must not map to one file. */
    private static void distinctStateFiles(Path configured, List<Target> targets, String what) {
        List<Path> files = targets.stream().map(t -> FileStateStore.targetFile(configured, t.name())).distinct().toList();
        if (files.size() != targets.size()) {
            throw new UsageException("cachewatch.targets: names must stay distinct as file names (" + what + " state files " + files + ")");
        }
    }
}
