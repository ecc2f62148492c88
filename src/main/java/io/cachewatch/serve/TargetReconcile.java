package io.cachewatch.serve;

import io.cachewatch.console.ClusterStatus;
import io.cachewatch.console.ClusterStatuses;
import io.cachewatch.alarm.AlarmKind;
import io.cachewatch.alarm.AlarmStore;
import io.cachewatch.dashboard.DashboardKind;
import io.cachewatch.aws.AwsClients;
import io.cachewatch.wiring.Wiring;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.ApplyProgress;
import io.cachewatch.reconcile.Reconciler;
import io.cachewatch.reconcile.Listings;
import io.cachewatch.reconcile.StoreCache;
import io.cachewatch.plan.Found;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.ReportError;
import io.cachewatch.report.RunMode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Reconciles one target: its own SDK clients (credentials from an assumed role when it names one, refreshed by the
 * SDK before they expire), its own alarm stores and so its own pacing, since CloudWatch quotas are per account and
 * region.
 */
public final class TargetReconcile implements AutoCloseable {
    private final Target target;
    private final Wiring wiring;
    private final AwsClients base;
    private final AwsClients clients;
    private final StsAssumeRoleCredentialsProvider assumed;
    /** The target's stores, kept across runs: they hold its pacing. */
    private final StoreCache stores = new StoreCache();
    /** What every kind listed on the target's last runs: the console reads it (alarms with their state, dashboards). */
    private final Listings listings = new Listings();
    /** Clusters of each region as its latest complete discovery saw them, for the slow-log reads. */
    private final Map<String, List<Cluster>> discovered = new ConcurrentHashMap<>();
    /** The console's clusters after the last run. */
    private volatile List<ClusterStatus> lastConsole = List.of();
    /** True once a run ended (with or without errors): the audit waits for it, so alarms-in-place does not judge a first apply in flight. */
    private volatile boolean reconciledOnce;

    public TargetReconcile(Target target, Wiring wiring, MeterRegistry registry) {
        this.target = target;
        this.wiring = wiring;
        int attempts = wiring.config().aws().maxAttempts();
        List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> metered = List.of(new MeteredAwsCalls(registry, target.name()));
        this.base = new AwsClients(attempts, null, metered);
        if (target.roleArn() == null) {
            this.assumed = null;
            this.clients = base;
        } else {
            this.assumed = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(base.sts(target.regions().get(0)))
                    .refreshRequest(r -> r.roleArn(target.roleArn()).externalId(target.externalId())
                            .durationSeconds((int) target.sessionDuration().toSeconds())
                            .roleSessionName(("cachewatch-" + target.name()).replaceAll("[^\\w+=,.@-]", "-")))
                    .prefetchTime(target.refreshBefore())
                    .staleTime(target.staleBefore())
                    .build();
            this.clients = new AwsClients(attempts, (AwsCredentialsProvider) assumed, metered);
        }
    }

    public Target target() {
        return target;
    }

    /**
     * The process's own credentials with this target's metering: what the target's state is kept with (serve's state
     * table is in the account serve runs in, whichever account the target is).
     */
    public AwsClients homeClients() {
        return base;
    }

    /** The target's SDK clients (its assumed role, its metering): what the slow-log collector publishes with. */
    public AwsClients clients() {
        return clients;
    }

    /**
     * Clusters of the latest complete discovery of each region (a region whose last discovery failed keeps the
     * clusters of the one before); empty until every region was discovered once.
     */
    public java.util.Optional<List<Cluster>> discoveredClusters() {
        if (!discovered.keySet().containsAll(target.regions())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(target.regions().stream().flatMap(r -> discovered.get(r).stream()).toList());
    }

    /** Regions not completely discovered once yet: what the slow-log reads wait for. */
    public List<String> undiscoveredRegions() {
        return target.regions().stream().filter(r -> !discovered.containsKey(r)).toList();
    }

    /** True once a reconcile of this target ended. */
    public boolean reconciledOnce() {
        return reconciledOnce;
    }

    /**
     * The region's alarm store as the reconcile uses it (the same DescribeAlarms pacing, so the audit's listing and the
     * reconcile's together stay under CloudWatch's quota), without touching what the console shows.
     */
    public AlarmStore alarmStore(String region) {
        return stores.of(new AlarmKind(wiring.naming()), r -> wiring.alarmStore(clients, r)).apply(region);
    }

    /** One discover + plan + apply; never throws: every failure ends up in the result's errors. */
    public TargetStatus.RunResult run(Wiring.Inputs in, BooleanSupplier stopRequested,
                                      Runnable discoveredOk) {
        try {
            return reconcile(in, stopRequested, discoveredOk);
        } finally {
            reconciledOnce = true;
        }
    }

    private TargetStatus.RunResult reconcile(Wiring.Inputs in, BooleanSupplier stopRequested, Runnable discoveredOk) {
        Instant started = Instant.now();
        try {
            Fleet fleet = wiring.discovery(clients).discover(target.regions());
            fleet.regions().stream().filter(RegionInventory::complete).forEach(r -> discovered.put(r.region(), r.clusters()));
            if (fleet.errors().isEmpty()) {
                discoveredOk.run(); // ready before a long first apply ends
            }
            ReconcileReport report = wiring.reconciler(in, clients, stores, listings, java.util.Set.of(), ApplyProgress.NONE, stopRequested)
                    .run(fleet, new Reconciler.Options(RunMode.APPLY, false), clients.recorder()::snapshot);
            Map<String, Long> summary = new LinkedHashMap<>();
            for (Action action : Action.values()) {
                summary.put(action.id(), report.count(action));
            }
            summary.put("unchanged", report.unchanged());
            summary.put("failed", report.failed());
            List<String> errors = new java.util.ArrayList<>(report.allErrors().stream().map(ReportError::toString).toList());
            report.refusals().forEach(r -> errors.add("refused: " + r));
            return new TargetStatus.RunResult(started, Instant.now(), errors.isEmpty(), report.exitCode(), summary,
                    byEngine(fleet, false), byEngine(fleet, true), errors, fleet.errors().isEmpty(), report, console(fleet, report));
        } catch (RuntimeException e) {
            return failed(started, e);
        }
    }

    /** The console's view of the run's clusters, from what the run listed (alarms with their state, dashboards). */
    private List<ClusterStatus> console(Fleet fleet, ReconcileReport report) {
        Map<String, List<io.cachewatch.alarm.ActualAlarm>> listed = new LinkedHashMap<>();
        List<String> dashboards = new java.util.ArrayList<>();
        fleet.regions().forEach(r -> {
            listed.put(r.region(), listings.<io.cachewatch.alarm.ActualAlarm>last(AlarmKind.ID, r.region()).stream().map(Found::body).toList());
            listings.last(DashboardKind.ID, r.region()).forEach(d -> dashboards.add(d.name()));
        });
        List<ClusterStatus> fresh = ClusterStatuses.of(new ClusterStatuses.Run(target.name(), fleet, report, listed,
                dashboards, wiring.config().alarms().prefix(), wiring.dashboardNaming()));
        // a region whose discovery failed keeps the clusters its last complete discovery showed
        java.util.Set<String> complete = new java.util.HashSet<>();
        fleet.regions().stream().filter(RegionInventory::complete).forEach(r -> complete.add(r.region()));
        List<ClusterStatus> merged = new java.util.ArrayList<>(fresh.stream().filter(c -> complete.contains(c.region())).toList());
        lastConsole.stream().filter(c -> !complete.contains(c.region())).forEach(merged::add);
        lastConsole = List.copyOf(merged);
        return lastConsole;
    }

    /** A run that could not start (invalid profiles or configuration). */
    public static TargetStatus.RunResult failed(Instant started, Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new TargetStatus.RunResult(started, Instant.now(), false, ReconcileReport.EXIT_ERRORS, Map.of(), Map.of(), Map.of(),
                List.of(message), false, null);
    }

    private static Map<String, Long> byEngine(Fleet fleet, boolean nodes) {
        Map<String, Long> counts = new TreeMap<>();
        for (Cluster c : fleet.clusters()) {
            String engine = c.engine() == null ? "unknown" : c.engine().id();
            counts.merge(engine, nodes ? (long) c.nodes().size() : 1L, Long::sum);
        }
        return counts;
    }

    @Override
    public void close() {
        if (assumed != null) {
            assumed.close();
            clients.close();
        }
        base.close();
    }
}
