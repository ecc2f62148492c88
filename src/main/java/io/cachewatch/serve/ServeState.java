package io.cachewatch.serve;

import io.cachewatch.audit.AuditRun;
import io.cachewatch.auditing.AuditNotify;
import io.cachewatch.collect.SlowlogCollector;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.console.AuditView;
import io.cachewatch.console.ClusterStatus;
import io.cachewatch.console.ClusterStatuses;
import io.cachewatch.console.FindingView;
import io.cachewatch.plan.Action;
import io.cachewatch.slowlog.Finding;
import io.cachewatch.slowlog.LogType;
import io.cachewatch.slowlog.Severity;
import io.cachewatch.slowlog.SlowlogPoll;
import io.cachewatch.plan.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What serve knows about its targets: read by /status and readiness, and mirrored into Prometheus metrics. */
@ApplicationScoped
public class ServeState {
    private final MeterRegistry registry;
    private final Map<String, TargetStatus> targets = new LinkedHashMap<>();
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    /** Per target, the discovered-count gauges its last successful discovery set. */
    private final Map<String, Set<AtomicLong>> discovered = new ConcurrentHashMap<>();

    /** Per target, when its discovery started failing (the end of the first failed run since the last good one). */
    private final Map<String, Instant> discoveryFailingSince = new ConcurrentHashMap<>();
    private final Duration readinessGrace;
    /** Per target, why its state store cannot be used (set by a failed call, cleared by the next that succeeds). */
    private final Map<String, String> stateStoreDown = new ConcurrentHashMap<>();
    /** Per target, the console's clusters after its last run. */
    private final Map<String, List<ClusterStatus>> console = new ConcurrentHashMap<>();
    /** Per target and cluster key, the findings of the last poll that found something there. */
    private final Map<String, Map<String, List<FindingView>>> findings = new ConcurrentHashMap<>();
    /** Per target and cluster key, the failing results of the target's last audit. */
    private final Map<String, Map<String, List<AuditView>>> audits = new ConcurrentHashMap<>();
    /** Per target, the result-count gauges its last audit set. */
    private final Map<String, Set<AtomicLong>> auditCounts = new ConcurrentHashMap<>();

    @Inject
    public ServeState(MeterRegistry registry, CachewatchConfig config) {
        this(registry, config.serve().readinessGrace());
    }

    /** @param readinessGrace how long a target's discovery may fail before readiness goes down */
    public ServeState(MeterRegistry registry, Duration readinessGrace) {
        this.registry = registry;
        this.readinessGrace = readinessGrace;
    }

    public void serving(List<Target> list, boolean slowlog) {
        serving(list, slowlog, false);
    }

    public synchronized void serving(List<Target> list, boolean slowlog, boolean audit) {
        targets.clear();
        discoveryFailingSince.clear();
        stateStoreDown.clear();
        console.clear();
        findings.clear();
        audits.clear();
        list.forEach(t -> targets.put(t.name(), new TargetStatus(t.name(), t.regions(), t.roleArn(), false, null, null,
                slowlog ? SlowlogStatus.waiting("first poll pending") : null, audit ? AuditStatus.waiting("first audit pending") : null)));
        list.forEach(t -> registerAtZero(t, slowlog, audit));
    }

    /**
     * Every documented counter of a target, at zero from the start: Prometheus' {@code increase()} and {@code rate()}
     * need a sample before the first event, or they miss it. Gauges whose value is only known after a run (last
     * success, discovered counts) appear with their first value.
     */
    private void registerAtZero(Target target, boolean slowlog, boolean audit) {
        Tags t = Tags.of("target", target.name());
        for (String result : List.of("ok", "failed")) {
            registry.counter("cachewatch.reconcile.runs", t.and("result", result));
        }
        registry.counter("cachewatch.reconcile.failures", t);
        registry.timer("cachewatch.reconcile.duration", t);
        for (String resource : List.of("alarm", "dashboard")) {
            for (Action action : Action.values()) {
                for (String status : List.of("applied", "failed")) {
                    registry.counter("cachewatch.reconcile.changes", t.and("resource", resource, "action", action.id(), "status", status));
                }
            }
        }
        MeteredAwsCalls.registerAtZero(registry, t, target.roleArn() != null, slowlog, audit);
        if (slowlog) {
            for (String outcome : List.of("ok", "errors", "failed")) {
                registry.counter("cachewatch.slowlog.polls", t.and("outcome", outcome));
            }
            registry.timer("cachewatch.slowlog.duration", t);
            for (Severity severity : Severity.values()) {
                registry.counter("cachewatch.slowlog.findings", t.and("severity", severity.id()));
            }
            for (LogType log : LogType.values()) {
                registry.counter("cachewatch.slowlog.entries", t.and("log", log.id()));
            }
            for (String name : List.of("publishes", "drops", "restarts")) {
                registry.counter("cachewatch.slowlog." + name, t);
            }
            gauge("cachewatch.slowlog.unreachable.nodes", t).set(0);
            gauge("cachewatch.slowlog.pending", t).set(0);
        }
        if (audit) {
            for (String outcome : List.of("ok", "errors", "failed")) {
                registry.counter("cachewatch.audit.runs", t.and("outcome", outcome));
            }
            registry.timer("cachewatch.audit.duration", t);
            registry.counter("cachewatch.audit.notifications", t);
            gauge("cachewatch.audit.errors", t).set(0);
        }
    }

    public synchronized List<TargetStatus> targets() {
        return List.copyOf(targets.values());
    }

    /**
     * Targets that are not ready, with the reason: the first discovery has not succeeded yet, or discovery has been
     * failing for longer than the readiness grace (ready again at its next success).
     */
    public Map<String, String> notReady() {
        return notReady(Instant.now());
    }

    synchronized Map<String, String> notReady(Instant now) {
        Map<String, String> waiting = new LinkedHashMap<>();
        for (TargetStatus t : targets.values()) {
            Instant since = discoveryFailingSince.get(t.name());
            if (!t.discovered()) {
                waiting.put(t.name(), t.lastRun() == null ? "first discovery pending" : failure(t));
            } else if (since != null && Duration.between(since, now).compareTo(readinessGrace) > 0) {
                waiting.put(t.name(), "discovery failing since " + since + " (longer than " + readinessGrace + "): " + failure(t));
            }
            String store = stateStoreDown.get(t.name());
            if (store != null) {
                // no grace: a task that cannot record what it publishes does not publish, so it is not doing its work
                waiting.merge(t.name(), "state store: " + store, (a, b) -> a + "; " + b);
            }
        }
        return waiting;
    }

    private static String failure(TargetStatus t) {
        return t.lastRun().errors().isEmpty() ? "discovery failed" : String.join("; ", t.lastRun().errors());
    }

    public boolean serving() {
        synchronized (this) {
            return !targets.isEmpty();
        }
    }

    public synchronized void discovered(String target) {
        TargetStatus t = targets.get(target);
        if (t != null && !t.discovered()) {
            SlowlogStatus slowlog = t.slowlog() != null && t.slowlog().lastPoll() == null
                    ? SlowlogStatus.waiting("discovery complete; first poll at the next slow-log interval") : t.slowlog();
            targets.put(target, new TargetStatus(t.name(), t.regions(), t.roleArn(), true, t.lastRun(), t.lastSuccess(), slowlog, t.audit()));
        }
    }

    public void finished(String target, TargetStatus.RunResult run) {
        synchronized (this) {
            TargetStatus before = targets.get(target);
            if (before == null) {
                return;
            }
            targets.put(target, new TargetStatus(before.name(), before.regions(), before.roleArn(),
                    before.discovered() || run.discoveryOk(), run, run.ok() ? run.finished() : before.lastSuccess(), before.slowlog(),
                    before.audit()));
            if (run.report() != null) {
                console.put(target, run.console());
            }
            if (run.discoveryOk()) {
                discoveryFailingSince.remove(target);
            } else {
                discoveryFailingSince.putIfAbsent(target, run.finished());
            }
        }
        meter(target, run);
    }

    private void change(Tags target, String resource, String action, boolean applied) {
        registry.counter("cachewatch.reconcile.changes",
                target.and("resource", resource, "action", action, "status", applied ? "applied" : "failed")).increment();
    }

    private void meter(String target, TargetStatus.RunResult run) {
        Tags t = Tags.of("target", target);
        registry.counter("cachewatch.reconcile.runs", t.and("result", run.ok() ? "ok" : "failed")).increment();
        if (!run.ok()) {
            registry.counter("cachewatch.reconcile.failures", t).increment();
        }
        registry.timer("cachewatch.reconcile.duration", t).record(Duration.between(run.started(), run.finished()));
        if (run.report() != null) {
            for (Outcome o : run.report().outcomes()) {
                change(t, o.change().kind(), o.change().action().id(), o.applied());
            }
        }
        if (run.discoveryOk()) {
            // an engine no longer discovered reads 0, not its last count
            Set<AtomicLong> counts = discovered.computeIfAbsent(target, k -> ConcurrentHashMap.newKeySet());
            counts.forEach(g -> g.set(0));
            run.clusters().forEach((engine, n) -> counts.add(set(gauge("cachewatch.discovered.clusters", t.and("engine", engine)), n)));
            run.nodes().forEach((engine, n) -> counts.add(set(gauge("cachewatch.discovered.nodes", t.and("engine", engine)), n)));
        }
        if (run.ok()) {
            gauge("cachewatch.target.last.success.seconds", t).set(run.finished().getEpochSecond());
        }
    }

    /** The target's state store failed (cannot be reached, refused): readiness is down with the reason until it answers. */
    public void stateStoreUnavailable(String target, String why) {
        stateStoreDown.put(target, why);
    }

    /** The target's state store answered: readiness no longer waits for it. */
    public void stateStoreAnswered(String target) {
        stateStoreDown.remove(target);
    }

    /** No slow-log poll could run yet, and why. */
    public synchronized void slowlogWaiting(String target, String why) {
        TargetStatus t = targets.get(target);
        if (t != null && t.slowlog() != null && t.slowlog().lastPoll() == null) {
            targets.put(target, t.withSlowlog(SlowlogStatus.waiting(why)));
        }
    }

    public void slowlogPolled(String target, SlowlogCollector.Result result, Duration took) {
        long droppedBefore;
        synchronized (this) {
            TargetStatus t = targets.get(target);
            if (t == null) {
                return;
            }
            droppedBefore = t.slowlog() == null || t.slowlog().lastPoll() == null ? result.dropped() - result.delivery().dropped() : t.slowlog().dropped();
            targets.put(target, t.withSlowlog(SlowlogStatus.of(result)));
            findings.computeIfAbsent(target, k -> new ConcurrentHashMap<>())
                    .putAll(ClusterStatuses.findings(result.outcome().findings(), result.at()));
        }
        Tags t = Tags.of("target", target);
        SlowlogPoll.Outcome outcome = result.outcome();
        registry.counter("cachewatch.slowlog.polls", t.and("outcome", result.ok() ? "ok" : "errors")).increment();
        registry.timer("cachewatch.slowlog.duration", t).record(took);
        outcome.entriesByLog().forEach((log, n) -> registry.counter("cachewatch.slowlog.entries", t.and("log", log.id())).increment(n));
        for (Finding f : outcome.findings()) {
            registry.counter("cachewatch.slowlog.findings", t.and("severity", f.severity().id())).increment();
        }
        registry.counter("cachewatch.slowlog.publishes", t).increment(result.delivery().published());
        registry.counter("cachewatch.slowlog.drops", t).increment(Math.max(0, result.dropped() - droppedBefore));
        registry.counter("cachewatch.slowlog.restarts", t).increment(outcome.restartedNodes().size());
        gauge("cachewatch.slowlog.unreachable.nodes", t).set(outcome.failures().size());
        gauge("cachewatch.slowlog.pending", t).set(result.delivery().pending());
    }

    /** A poll that could not run at all (an exception, not a node failure). */
    public void slowlogFailed(String target, Instant at, String error, Duration took) {
        synchronized (this) {
            TargetStatus t = targets.get(target);
            if (t == null || t.slowlog() == null) {
                return;
            }
            targets.put(target, t.withSlowlog(t.slowlog().failed(at, error)));
        }
        Tags t = Tags.of("target", target);
        registry.counter("cachewatch.slowlog.polls", t.and("outcome", "failed")).increment();
        registry.timer("cachewatch.slowlog.duration", t).record(took);
    }

    /** No audit could run yet, and why. */
    public synchronized void auditWaiting(String target, String why) {
        TargetStatus t = targets.get(target);
        if (t != null && t.audit() != null && t.audit().lastAudit() == null) {
            targets.put(target, t.withAudit(AuditStatus.waiting(why)));
        }
    }

    /**
     * An audit that ran (with or without errors): its failing results for the console and /status, and the gauges
     * {@code cachewatch_audit_results{target,check,severity,status}} (results per label set; a label set the audit no
     * longer yields reads 0, not its last count).
     */
    public void audited(String target, AuditRun run, AuditNotify.Outcome notified, Instant at, Duration took) {
        synchronized (this) {
            TargetStatus t = targets.get(target);
            if (t == null) {
                return;
            }
            AuditStatus status = AuditStatus.of(target, run, notified, at);
            targets.put(target, t.withAudit(status));
            Map<String, List<AuditView>> byCluster = new LinkedHashMap<>();
            status.failing().forEach(v -> byCluster.computeIfAbsent(v.key(), k -> new java.util.ArrayList<>()).add(v));
            audits.put(target, byCluster);
        }
        Tags t = Tags.of("target", target);
        registry.counter("cachewatch.audit.runs", t.and("outcome", run.errors().isEmpty() ? "ok" : "errors")).increment();
        registry.timer("cachewatch.audit.duration", t).record(took);
        registry.counter("cachewatch.audit.notifications", t).increment(notified.published());
        gauge("cachewatch.audit.errors", t).set(run.errors().size());
        gauge("cachewatch.audit.last.seconds", t).set(at.getEpochSecond());
        Map<Tags, Long> counts = new LinkedHashMap<>();
        run.results().forEach(r -> counts.merge(t.and("check", r.check(), "severity", r.severity().id(), "status", r.status().id()), 1L, Long::sum));
        Set<AtomicLong> set = auditCounts.computeIfAbsent(target, k -> ConcurrentHashMap.newKeySet());
        synchronized (set) {
            set.forEach(g -> g.set(0));
            counts.forEach((tags, n) -> set.add(set(gauge("cachewatch.audit.results", tags), n)));
        }
    }

    /** An audit that could not run at all (an exception, not an API error it reported): the last results stay. */
    public void auditFailed(String target, Instant at, String error, Duration took) {
        synchronized (this) {
            TargetStatus t = targets.get(target);
            if (t == null || t.audit() == null) {
                return;
            }
            targets.put(target, t.withAudit(t.audit().failed(at, error)));
        }
        Tags t = Tags.of("target", target);
        registry.counter("cachewatch.audit.runs", t.and("outcome", "failed")).increment();
        registry.timer("cachewatch.audit.duration", t).record(took);
    }

    /**
     * Every cluster of every target as the console shows it: the last run's view with the latest slow-log findings and
     * the failing results of the last audit.
     */
    public List<ClusterStatus> clusters() {
        List<ClusterStatus> all = new java.util.ArrayList<>();
        for (TargetStatus t : targets()) {
            Map<String, List<FindingView>> found = findings.getOrDefault(t.name(), Map.of());
            Map<String, List<AuditView>> failing = audits.getOrDefault(t.name(), Map.of());
            for (ClusterStatus c : console.getOrDefault(t.name(), List.of())) {
                List<FindingView> f = found.get(c.key());
                ClusterStatus shown = f == null ? c : c.withFindings(f, f.get(0).at());
                List<AuditView> a = failing.get(c.key());
                all.add(a == null ? shown : shown.withAudit(a));
            }
        }
        return all;
    }

    private AtomicLong gauge(String name, Tags tags) {
        return gauges.computeIfAbsent(name + "|" + tags, k -> registry.gauge(name, tags, new AtomicLong()));
    }

    private static AtomicLong set(AtomicLong gauge, long value) {
        gauge.set(value);
        return gauge;
    }

    /** Time of the last successful run of any target, for the status page. */
    public static String ago(Instant at) {
        if (at == null) {
            return "never";
        }
        long s = Duration.between(at, Instant.now()).toSeconds();
        return s < 120 ? s + " s ago" : s / 60 + " min ago";
    }
}
