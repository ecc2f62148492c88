package io.cachewatch.cli;

import io.cachewatch.alarm.AlarmActions;
import io.cachewatch.alarm.AlarmNaming;
import io.cachewatch.alarm.AlarmStore;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.aws.AwsClients;
import io.cachewatch.aws.cloudwatch.CloudWatchAlarmStore;
import io.cachewatch.aws.cloudwatch.CloudWatchDashboardStore;
import io.cachewatch.aws.cloudwatch.CloudWatchPacers;
import io.cachewatch.aws.elasticache.ElastiCacheDiscovery;
import io.cachewatch.aws.memorydb.MemoryDbDiscovery;
import io.cachewatch.aws.tagging.TaggingApi;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.dashboard.DashboardLimits;
import io.cachewatch.dashboard.DashboardNaming;
import io.cachewatch.dashboard.DashboardRenderer;
import io.cachewatch.dashboard.DashboardStore;
import io.cachewatch.dashboard.DashboardTemplates;
import io.cachewatch.inventory.ClusterDiscovery;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.FleetDiscovery;
import io.cachewatch.inventory.NodeTypes;
import io.cachewatch.plan.MassDeleteGuard;
import io.cachewatch.profile.DashboardChoice;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileSelector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** Builds the run's parts from configuration: the one place that knows both the core and the adapters. */
@ApplicationScoped
public class Wiring {
    private final CachewatchConfig config;
    private final AwsClients aws;
    private final Map<String, AlarmStore> stores = new ConcurrentHashMap<>();
    private DashboardStore dashboardStore;

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

    public AlarmStore alarmStore(String region) {
        return stores.computeIfAbsent(region, r -> alarmStore(aws, r));
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

    /** One store for every region: dashboards are global. Built on the client of the run's first region. */
    public synchronized DashboardStore dashboardStore(String region) {
        if (dashboardStore == null) {
            dashboardStore = dashboardStore(aws, region);
        }
        return dashboardStore;
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

    private ProfileSelector selector() {
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
