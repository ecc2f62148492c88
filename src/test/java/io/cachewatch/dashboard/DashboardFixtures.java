package io.cachewatch.dashboard;

import io.cachewatch.Fixtures;
import io.cachewatch.alarm.AlarmActions;
import io.cachewatch.alarm.AlarmNaming;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.profile.DashboardChoice;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileSelector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The shipped templates and profiles, and a region with one cluster of every topology (with real-looking ARNs). */
public final class DashboardFixtures {
    public static final ProfileCatalog CATALOG = ProfileCatalog.load(Path.of("alarm-profiles"));
    public static final DashboardTemplates TEMPLATES = DashboardTemplates.load(Path.of("dashboards"));
    public static final ProfileSelector SELECTOR = new ProfileSelector("default", "Environment", Map.of("production", "production"));
    public static final DesiredAlarms ALARMS = new DesiredAlarms(CATALOG.profiles(), SELECTOR, new AlarmNaming("cachewatch-"),
            new AlarmActions(Map.of(), null));
    public static final DashboardNaming NAMING = new DashboardNaming("cachewatch-");

    private DashboardFixtures() {
    }

    public static DashboardRenderer renderer(DashboardTemplates templates, DashboardLimits limits) {
        return renderer(templates, limits, CATALOG);
    }

    /** With the dashboard choices of {@code profiles} (the desired alarms stay those of the shipped profiles). */
    public static DashboardRenderer renderer(DashboardTemplates templates, DashboardLimits limits, ProfileCatalog profiles) {
        Map<String, DashboardChoice> choices = new java.util.HashMap<>();
        profiles.profiles().forEach((name, profile) -> choices.put(name, profile.dashboard()));
        return new DashboardRenderer(templates, NAMING, SELECTOR, choices, "https://runbooks.example.com/cache", limits);
    }

    public static DashboardRenderer renderer() {
        return renderer(TEMPLATES, DashboardLimits.CLOUDWATCH);
    }

    public static RenderedRegion render(DashboardRenderer renderer, Cluster... clusters) {
        RegionInventory region = new RegionInventory(Fixtures.REGION, List.of(clusters), List.of());
        return renderer.forRegion(region, ALARMS.forRegion(region));
    }

    /** The cluster with an ARN of account 123456789012, as the APIs return it. */
    public static Cluster withArn(Cluster c) {
        String type = switch (c.kind()) {
            case MEMORYDB -> "arn:aws:memorydb:us-east-1:123456789012:cluster/";
            case SERVERLESS -> "arn:aws:elasticache:us-east-1:123456789012:serverlesscache:";
            case ELASTICACHE -> c.standalone() ? "arn:aws:elasticache:us-east-1:123456789012:cluster:"
                    : "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:";
        };
        return new Cluster(c.kind(), c.region(), c.id(), type + c.id(), c.engine(), c.engineVersion(), c.nodeType(), c.vcpus(),
                c.memoryBytes(), c.tls(), c.status(), c.clusterMode(), c.tags(), c.shards(), c.limits(), c.endpoint(), c.standalone());
    }

    /** One of each: replicated Redis OSS, cluster-mode Valkey, Memcached, single-node Redis OSS, MemoryDB, serverless. */
    public static List<Cluster> everyTopology() {
        return List.of(
                withArn(Fixtures.redisReplicationGroup("orders", 2, Map.of("Environment", "production"))),
                withArn(Fixtures.valkeyClusterMode("feed", 3, 1)),
                withArn(Fixtures.memcached("sessions-mc", 3)),
                withArn(Fixtures.redisSingleNode("solo", "cache.t4g.small", 2)),
                withArn(Fixtures.memoryDb("ledger", 2, 2)),
                withArn(Fixtures.serverless("carts", 5_000L, 10L << 30)));
    }
}
