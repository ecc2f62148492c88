package io.cachewatch.wiring;

import io.cachewatch.alarm.AlarmActions;
import io.cachewatch.alarm.AlarmKind;
import io.cachewatch.alarm.AlarmNaming;
import io.cachewatch.alarm.AlarmStore;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.aws.AwsClients;
import io.cachewatch.aws.cloudwatch.CloudWatchAlarmStore;
import io.cachewatch.aws.cloudwatch.CloudWatchDashboardStore;
import io.cachewatch.aws.cloudwatch.CloudWatchPacers;
import io.cachewatch.aws.elasticache.ElastiCacheDiscovery;
import io.cachewatch.aws.memorydb.MemoryDbDiscovery;
import io.cachewatch.aws.tagging.TaggingApi;
import io.cachewatch.aws.dynamodb.DynamoDbStateStore;
import io.cachewatch.collect.FileStateStore;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.config.StateSettings;
import io.cachewatch.state.StateStore;
import io.cachewatch.config.UsageException;
import io.cachewatch.dashboard.DashboardKind;
import io.cachewatch.dashboard.DashboardLimits;
import io.cachewatch.dashboard.DashboardNaming;
import io.cachewatch.dashboard.DashboardRenderer;
import io.cachewatch.dashboard.DashboardStore;
import io.cachewatch.dashboard.DashboardTemplates;
import io.cachewatch.inventory.ClusterDiscovery;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.FleetDiscovery;
import io.cachewatch.inventory.NodeTypes;
import io.cachewatch.plan.ApplyProgress;
import io.cachewatch.plan.MassDeleteGuard;
import io.cachewatch.profile.DashboardChoice;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileSelector;
import io.cachewatch.reconcile.Reconciler;
import io.cachewatch.plan.ManagedKind;
import io.cachewatch.reconcile.Listings;
import io.cachewatch.reconcile.StoreCache;
import io.cachewatch.report.ReportError;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Builds the run's parts from configuration: the one place that knows both the core and the adapters, and that
 * composes profiles, templates, desired state, guards and the managed kinds for {@code reconcile}, serve's start-up
 * and serve's runs.
 */
@ApplicationScoped
public class Wiring {
    /** The managed kinds by the name {@code --only} takes, in the order they are planned and applied. */
    public static final List<String> KINDS = List.of("alarms", "dashboards");

    /** What a reconcile needs from profiles, templates and configuration. */
    public record Inputs(DesiredAlarms desired, DashboardRenderer renderer, MassDeleteGuard guard) {
    }

    /** @param inputs null when there are problems */
    public record Loaded(Inputs inputs, List<ReportError> problems) {
    }

    private final CachewatchConfig config;
    private final AwsClients aws;
    /** The stores of a command's run (serve targets keep their own). */
    private final StoreCache stores = new StoreCache();

    public Wiring(CachewatchConfig config, AwsClients aws) {
        this.config = config;
        this.aws = aws;
    }

    public CachewatchConfig config() {
        return config;
    }

    public AwsClients aws() {
        return aws;
    }

    /** {@code --region} flags, else {@code cachewatch.regions}, else the SDK's default region. */
    public List<String> regions(List<String> fromCommandLine) {
        if (fromCommandLine != null && !fromCommandLine.isEmpty()) {
            if (fromCommandLine.stream().anyMatch(r -> r == null || r.isBlank())) {
                throw new UsageException("--region must name a region (e.g. --region us-east-1), not be empty");
            }
            return List.copyOf(fromCommandLine);
        }
        if (config.regions().isPresent() && !config.regions().get().isEmpty()) {
            return config.regions().get();
        }
        try {
            return List.of(DefaultAwsRegionProviderChain.builder().build().getRegion().id());
        } catch (SdkClientException e) {
            throw new UsageException("no region: pass --region, set cachewatch.regions, or set AWS_REGION");
        }
    }

    public FleetDiscovery discovery() {
        return discovery(aws);
    }

    /** Discovery through the given clients (a target of serve). */
    public FleetDiscovery discovery(AwsClients aws) {
        Set<ClusterKind> kinds = discoveryKinds();
        NodeTypes nodeTypes = NodeTypes.standard();
        int pageSize = config.discovery().pageSize();
        List<ClusterDiscovery> sources = new ArrayList<>();
        TaggingApi tagging = new TaggingApi(aws::tagging);
        Set<ClusterKind> elastiCacheKinds = EnumSet.noneOf(ClusterKind.class);
        kinds.stream().filter(k -> k != ClusterKind.MEMORYDB).forEach(elastiCacheKinds::add);
        if (!elastiCacheKinds.isEmpty()) {
            sources.add(new ElastiCacheDiscovery(aws::elastiCache, nodeTypes, elastiCacheKinds, pageSize).withTagging(tagging));
        }
        if (kinds.contains(ClusterKind.MEMORYDB)) {
            sources.add(new MemoryDbDiscovery(aws::memoryDb, nodeTypes, pageSize).withTagging(tagging));
        }
        return new FleetDiscovery(sources);
    }

    Set<ClusterKind> discoveryKinds() {
        try {
            return config.discovery().kinds().stream().map(String::trim).map(ClusterKind::fromId)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(ClusterKind.class)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("cachewatch.discovery.kinds: " + e.getMessage());
        }
    }

    /** A new store with its own pacers (quotas are per account and region): call once per target and region. */
    public AlarmStore alarmStore(AwsClients aws, String region) {
        CachewatchConfig.Rates rates = config.rates();
        return new CloudWatchAlarmStore(aws.cloudWatch(region),
                CloudWatchPacers.of(region, rates.putMetricAlarm(), rates.describeAlarms(), rates.deleteAlarms()));
    }

    /**
     * Checks every configured setting against its range (call rates among them), as a usage error (exit 64) before any
     * AWS call: the same check {@link CommandLineSetup} makes before every command, for callers that build a run
     * themselves.
     */
    public void checkRates() {
        List<String> problems = io.cachewatch.config.ConfigRanges.problems(config, key -> null);
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
    }

    /**
     * serve's state store ({@code cachewatch.state.store}): each target's own files beside
     * {@code cachewatch.slowlog.state-file} (the default), or the DynamoDB table {@code cachewatch.state.table} in
     * {@code cachewatch.state.region}, else {@code defaultRegion} (the first region of serve's first target), called
     * through {@code home}: the process's own credentials (the table is in the account serve runs in, not a target's).
     */
    public StateStore stateStore(AwsClients home, String defaultRegion) {
        CachewatchConfig.State state = config.state();
        if (!StateSettings.dynamoDb(state)) {
            return FileStateStore.perTarget(Path.of(config.slowlog().stateFile()));
        }
        String region = state.region().map(String::strip).filter(r -> !r.isEmpty()).orElse(defaultRegion);
        String table = state.table().orElseThrow().strip();
        return new DynamoDbStateStore(home.dynamoDb(region), table, region);
    }

    /** A dashboard store on these clients (a serve target's own account), paced on its own. */
    public DashboardStore dashboardStore(AwsClients clients, String region) {
        return new CloudWatchDashboardStore(clients.cloudWatch(region), CloudWatchDashboardStore.Pacers.of(config.dashboards().rate()));
    }

    public DashboardNaming dashboardNaming() {
        try {
            return new DashboardNaming(config.dashboards().prefix());
        } catch (IllegalArgumentException e) {
            throw new UsageException("cachewatch.dashboards.prefix: " + e.getMessage());
        }
    }

    /** The renderer; the profiles' {@code dashboard} choices come from the catalog. */
    public DashboardRenderer dashboardRenderer(DashboardTemplates templates, ProfileCatalog catalog) {
        Map<String, DashboardChoice> choices = new HashMap<>();
        catalog.profiles().forEach((name, profile) -> choices.put(name, profile.dashboard()));
        return new DashboardRenderer(templates, dashboardNaming(), selector(), choices, config.dashboards().runbookUrl().orElse(""),
                DashboardLimits.CLOUDWATCH);
    }

    public ProfileSelector selector() {
        CachewatchConfig.Profiles p = config.profiles();
        return new ProfileSelector(p.defaultProfile(), p.tagKey(), p.byTagValue());
    }

    public DesiredAlarms desiredAlarms(ProfileCatalog catalog) {
        CachewatchConfig.Profiles p = config.profiles();
        ProfileSelector selector = selector();
        List<String> unknown = new ArrayList<>();
        if (!catalog.contains(p.defaultProfile())) {
            unknown.add("cachewatch.profiles.default=" + p.defaultProfile());
        }
        p.byTagValue().forEach((value, profile) -> {
            if (!catalog.contains(profile)) {
                unknown.add("cachewatch.profiles.by-tag-value." + value + "=" + profile);
            }
        });
        if (!unknown.isEmpty()) {
            throw new UsageException("configuration names profiles that do not exist: " + String.join(", ", unknown)
                    + " (known: " + catalog.names() + ")");
        }
        AlarmActions actions = new AlarmActions(config.notifications().topics(), config.notifications().defaultTopic().orElse(null));
        return new DesiredAlarms(catalog.profiles(), selector, naming(), actions);
    }

    /**
     * Profiles, then templates (when dashboards are reconciled), then the configuration that depends on them: the
     * problems of the first that has any, reported before any AWS call. A configuration that cannot be used throws a
     * {@link UsageException} (exit 64).
     */
    public Loaded reconcileInputs(Path profilesDir, boolean dashboards) {
        ProfileLoading.Loaded profiles = ProfileLoading.load(profilesDir);
        if (!profiles.problems().isEmpty()) {
            return new Loaded(null, profiles.problems().stream().map(p -> new ReportError("profile", null, null, p.toString())).toList());
        }
        DashboardRenderer renderer = null;
        if (dashboards) {
            DashboardLoading.Loaded templates = DashboardLoading.load(this, profiles.catalog());
            if (!templates.problems().isEmpty()) {
                return new Loaded(null, templates.problems());
            }
            renderer = templates.renderer();
        }
        DesiredAlarms desired = desiredAlarms(profiles.catalog());
        MassDeleteGuard guard = guard();
        checkRates();
        return new Loaded(new Inputs(desired, renderer, guard), List.of());
    }

    /**
     * A reconciler of the managed kinds: alarms, then dashboards when the inputs have a renderer, each with its stores
     * from {@code stores} (made on {@code clients}).
     *
     * @param only names from {@link #KINDS} to reconcile; empty for all
     */
    public Reconciler<DesiredState> reconciler(Inputs in, AwsClients clients, StoreCache stores, Set<String> only,
                                               ApplyProgress progress, BooleanSupplier stopRequested) {
        return reconciler(in, clients, stores, null, only, progress, stopRequested);
    }

    /** @param listings where every kind keeps what it reads (serve's console); null when no one reads it after the run */
    public Reconciler<DesiredState> reconciler(Inputs in, AwsClients clients, StoreCache stores, Listings listings, Set<String> only,
                                               ApplyProgress progress, BooleanSupplier stopRequested) {
        List<Reconciler.Registered<DesiredState, ?, ?, ?>> kinds = new ArrayList<>();
        AlarmKind alarms = new AlarmKind(naming());
        kinds.add(new Reconciler.Registered<>(kept(listings, alarms), stores.of(alarms, region -> alarmStore(clients, region))));
        if (in.renderer() != null) {
            DashboardKind dashboards = new DashboardKind(in.renderer(), dashboardNaming());
            kinds.add(new Reconciler.Registered<>(kept(listings, dashboards), stores.of(dashboards, region -> dashboardStore(clients, region))));
        }
        kinds.removeIf(k -> !only.isEmpty() && !only.contains(k.kind().plural()));
        return new Reconciler<>(in.desired()::forRegion, kinds, in.guard(), progress, stopRequested);
    }

    private static <S, D, A> ManagedKind<DesiredState, S, D, A> kept(Listings listings, ManagedKind<DesiredState, S, D, A> kind) {
        return listings == null ? kind : listings.keep(kind);
    }

    /** A reconciler on the command's own clients and stores. */
    public Reconciler<DesiredState> reconciler(Inputs in, Set<String> only, ApplyProgress progress) {
        return reconciler(in, aws, stores, only, progress, () -> false);
    }

    public AlarmNaming naming() {
        try {
            return new AlarmNaming(config.alarms().prefix());
        } catch (IllegalArgumentException e) {
            throw new UsageException("cachewatch.alarms.prefix: " + e.getMessage());
        }
    }

    public MassDeleteGuard guard() {
        try {
            return new MassDeleteGuard(config.safety().maxDeleteShare());
        } catch (IllegalArgumentException e) {
            throw new UsageException("cachewatch.safety.max-delete-share: " + e.getMessage());
        }
    }
}
