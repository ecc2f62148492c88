package io.cachewatch.dashboard;

import static io.cachewatch.dashboard.DashboardFixtures.everyTopology;
import static io.cachewatch.dashboard.DashboardFixtures.render;
import static io.cachewatch.dashboard.DashboardFixtures.renderer;
import static io.cachewatch.dashboard.DashboardFixtures.withArn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachewatch.Fixtures;
import io.cachewatch.alarm.AlarmTarget;
import io.cachewatch.alarm.Dimension;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.Shard;
import io.cachewatch.profile.MetricCatalog;
import io.cachewatch.profile.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Every shipped template rendered for every topology, checked against what CloudWatch publishes and accepts. */
class DashboardRendererTest {

    private static DesiredDashboard only(RenderedRegion rendered, String cluster) {
        List<DesiredDashboard> mine = rendered.dashboards().stream().filter(d -> d.owner() != null && cluster.equals(d.owner().id()) && !d.owner().fleet()).toList();
        assertThat(mine).as(cluster).hasSize(1);
        return mine.get(0);
    }

    private static List<JsonNode> metricWidgets(JsonNode body) {
        return StreamSupport.stream(body.path("widgets").spliterator(), false)
                .filter(w -> w.path("type").asText().equals("metric")).toList();
    }

    /** Dimension sets ({@code CacheClusterId=orders-001,CacheNodeId=0001}) of a widget's metric lines. */
    private static Set<String> dimensionSets(JsonNode widget) {
        Set<String> sets = new HashSet<>();
        for (JsonNode line : widget.path("properties").path("metrics")) {
            List<String> dims = new ArrayList<>();
            for (int i = 2; i + 1 < line.size() && line.get(i).isTextual(); i += 2) {
                dims.add(line.get(i).asText() + "=" + line.get(i + 1).asText());
            }
            sets.add(String.join(",", dims.stream().sorted().toList()));
        }
        return sets;
    }

    private static Set<String> expectedNodeDimensions(Cluster cluster) {
        Set<String> sets = new HashSet<>();
        for (Shard shard : cluster.shards()) {
            for (Node node : shard.nodes()) {
                sets.add(AlarmTarget.ofNode(cluster, shard, node).dimensions().stream().sorted().map(Dimension::toString)
                        .collect(Collectors.joining(",")));
            }
        }
        return sets;
    }

    @Test
    void everyTopologyGetsOneValidDashboardWhoseLinesAreExactlyItsNodesDimensions() {
        RenderedRegion rendered = render(renderer(), everyTopology().toArray(Cluster[]::new));

        assertThat(rendered.problems()).isEmpty();
        assertThat(rendered.dashboards()).extracting(DesiredDashboard::name).containsExactly(
                "cachewatch-us-east-1-elasticache-orders", "cachewatch-us-east-1-elasticache-feed",
                "cachewatch-us-east-1-cachecluster-sessions-mc", "cachewatch-us-east-1-cachecluster-solo",
                "cachewatch-us-east-1-memorydb-ledger", "cachewatch-us-east-1-serverless-carts", "cachewatch-us-east-1--fleet");
        assertThat(rendered.dashboards()).extracting(DesiredDashboard::template)
                .containsExactly("redis", "redis", "memcached", "redis", "memorydb", "serverless", "fleet");
        for (Cluster cluster : everyTopology()) {
            JsonNode body = only(rendered, cluster.id()).body();
            List<JsonNode> graphs = metricWidgets(body);
            assertThat(graphs).as(cluster.id()).isNotEmpty();
            for (JsonNode graph : graphs) {
                String metric = graph.at("/properties/metrics/0/1").asText();
                assertThat(graph.at("/properties/metrics/0/0").asText()).isEqualTo(cluster.kind().namespace());
                assertThat(MetricCatalog.publishes(cluster.kind(), cluster.engine(),
                        cluster.kind() == ClusterKind.SERVERLESS ? Scope.CLUSTER : Scope.NODE, metric))
                        .as(cluster.id() + " " + metric).isTrue();
                Set<String> expected = cluster.kind() == ClusterKind.SERVERLESS ? Set.of("clusterId=" + cluster.id())
                        : expectedNodeDimensions(cluster);
                assertThat(dimensionSets(graph)).as(cluster.id() + " " + metric).isEqualTo(expected);
                assertThat(graph.at("/properties/metrics").size()).isEqualTo(expected.size());
            }
        }
    }

    @Test
    void widgetAndMetricCountsPerTemplate() {
        RenderedRegion rendered = render(renderer(), everyTopology().toArray(Cluster[]::new));
        // text + alarm status + one row per signal + the ownership mark; metrics = signals × nodes
        assertThat(DashboardJson.count(only(rendered, "orders").body())).isEqualTo(new DashboardJson.Counts(11, 8 * 3, 3));
        assertThat(DashboardJson.count(only(rendered, "feed").body())).isEqualTo(new DashboardJson.Counts(11, 8 * 6, 6));
        assertThat(DashboardJson.count(only(rendered, "sessions-mc").body())).isEqualTo(new DashboardJson.Counts(11, 8 * 3, 3));
        assertThat(DashboardJson.count(only(rendered, "ledger").body())).isEqualTo(new DashboardJson.Counts(10, 7 * 6, 6));
        assertThat(DashboardJson.count(only(rendered, "carts").body())).isEqualTo(new DashboardJson.Counts(9, 6, 1));
        DesiredDashboard fleet = rendered.dashboards().get(rendered.dashboards().size() - 1);
        // text, 2 ElastiCache + 2 MemoryDB Metrics Insights graphs, alarm groups, footer, ownership mark
        long alarmWidgets = StreamSupport.stream(fleet.body().path("widgets").spliterator(), false)
                .filter(w -> w.path("type").asText().equals("alarm")).count();
        int alarms = DashboardFixtures.ALARMS.forRegion(new io.cachewatch.inventory.RegionInventory(Fixtures.REGION,
                everyTopology(), List.of())).alarms().size();
        assertThat(alarmWidgets).isEqualTo((alarms + 99) / 100);
        assertThat(DashboardJson.count(fleet.body()).widgets()).isEqualTo(7 + alarmWidgets);
        assertThat(fleet.body().toString()).contains("SELECT MAX(EngineCPUUtilization) FROM SCHEMA(\\\"AWS/ElastiCache\\\", CacheClusterId, CacheNodeId)")
                .contains("SCHEMA(\\\"AWS/MemoryDB\\\", ClusterName, NodeName)").contains("elasticache Redis OSS | 2");
    }

    @Test
    void alarmWidgetListsTheClustersManagedAlarmsByArnAndGraphsCarryTheirThresholds() {
        RenderedRegion rendered = render(renderer(), everyTopology().get(0));
        JsonNode body = only(rendered, "orders").body();
        JsonNode alarmWidget = body.at("/widgets/1");
        assertThat(alarmWidget.path("type").asText()).isEqualTo("alarm");
        // 7 rules × 3 nodes and the cluster's slow-commands alarm
        assertThat(alarmWidget.at("/properties/alarms")).hasSize(22);
        assertThat(alarmWidget.at("/properties/alarms/0").asText()).startsWith("arn:aws:cloudwatch:us-east-1:123456789012:alarm:cachewatch-elasticache/orders-");
        JsonNode cpu = metricWidgets(body).get(0);
        assertThat(cpu.at("/properties/title").asText()).isEqualTo("Engine CPU (%)");
        // Environment=production: the production profile's threshold
        assertThat(cpu.at("/properties/annotations/horizontal").toString()).isEqualTo("[{\"label\":\"cpu-high > 70\",\"value\":70}]");
        assertThat(body.at("/widgets/0/properties/markdown").asText()).contains("## orders", "Redis OSS 7.1.0", "cache.r6g.large",
                "1 shard(s), 2 replica(s) per shard, 3 node(s)", "https://runbooks.example.com/cache", "profile production");
    }

    @Test
    void widgetsGetPositionsOnTheGrid() {
        JsonNode body = only(render(renderer(), everyTopology().get(1)), "feed").body();
        int y = 0;
        for (JsonNode w : body.path("widgets")) {
            assertThat(w.path("x").asInt()).isZero();
            assertThat(w.path("y").asInt()).isEqualTo(y);
            y += w.path("height").asInt();
        }
    }

    @Test
    void aLargeClusterIsSplitIntoNumberedPagesWithinTheLimits() {
        // 90 shards × 4 nodes = 360 nodes × 8 signals = 2,880 metrics: over 2,500, so two pages
        Cluster big = withArn(Fixtures.valkeyClusterMode("huge", 90, 3));
        RenderedRegion rendered = render(renderer(), big);
        List<DesiredDashboard> pages = rendered.dashboards().stream().filter(d -> "huge".equals(d.owner().id())).toList();
        assertThat(pages).extracting(DesiredDashboard::name)
                .containsExactly("cachewatch-us-east-1-elasticache-huge", "cachewatch-us-east-1-elasticache-huge--page-2");
        Set<String> lines = new HashSet<>();
        for (DesiredDashboard page : pages) {
            DashboardJson.Counts counts = DashboardJson.count(page.body());
            assertThat(DashboardLimits.CLOUDWATCH.load(counts)).isLessThanOrEqualTo(1);
            lines.addAll(dimensionSets(metricWidgets(page.body()).get(0)));
            assertThat(page.body().at("/widgets/0/properties/markdown").asText()).contains("of 2)");
        }
        assertThat(lines).isEqualTo(expectedNodeDimensions(big));
        // alarm widgets hold at most 100 alarms each
        pages.forEach(p -> p.body().path("widgets").forEach(w -> assertThat(w.at("/properties/alarms").size()).isLessThanOrEqualTo(100)));
    }

    @Test
    void tighterLimitsSplitSooner() {
        Cluster feed = withArn(Fixtures.valkeyClusterMode("feed", 3, 1));
        RenderedRegion rendered = render(renderer(DashboardFixtures.TEMPLATES, new DashboardLimits(500, 20, 500, 100)), feed);
        assertThat(rendered.dashboards().stream().filter(d -> "feed".equals(d.owner().id()))).hasSize(3);
    }

    @Test
    void theDashboardTagChoosesTheTemplateOrTurnsTheDashboardOff() {
        Cluster memcachedStyle = Fixtures.withTags(everyTopology().get(0), Map.of("cachewatch:dashboard", "memcached"));
        Cluster off = Fixtures.withTags(everyTopology().get(1), Map.of("cachewatch:dashboard", "off"));
        RenderedRegion rendered = render(renderer(), memcachedStyle, off);
        assertThat(only(rendered, "orders").template()).isEqualTo("memcached");
        assertThat(rendered.dashboards()).noneMatch(d -> "feed".equals(d.owner().id()));
    }

    @Test
    void anUnknownTemplateIsAProblemAndHoldsTheClustersDashboards() {
        Cluster typo = Fixtures.withTags(everyTopology().get(0), Map.of("cachewatch:dashboard", "redsi"));
        RenderedRegion rendered = render(renderer(), typo);
        assertThat(rendered.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("cachewatch:dashboard=redsi", "known: [memcached, memorydb, redis, serverless]"));
        assertThat(rendered.problems()).singleElement().satisfies(p -> assertThat(p.ref()).isEqualTo(typo.ref()));
        assertThat(rendered.dashboards()).noneMatch(d -> d.owner().equals(typo.ref()));
    }

    @Test
    void aTemplateThatRendersInvalidJsonIsAProblemNamingFileAndLine() {
        DashboardTemplates broken = DashboardTemplates.of(Map.of(
                "dashboards/redis.json.qute", "{\n  \"widgets\": [\n    {\"type\": \"text\" \"width\": 6}\n  ]\n}\n",
                "dashboards/fleet.json.qute", "{\"widgets\": []}"));
        RenderedRegion rendered = render(renderer(broken, DashboardLimits.CLOUDWATCH), everyTopology().get(0));
        assertThat(rendered.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("dashboards/redis.json.qute", "invalid JSON at line 3", "rendered line: {\"type\": \"text\" \"width\": 6}"));
    }

    @Test
    void aTemplateSyntaxErrorNamesFileAndLine() {
        DashboardTemplates broken = DashboardTemplates.of(Map.of("dashboards/redis.json.qute", "{\n\"widgets\": [\n{#for x in y}\n]}\n"));
        assertThat(broken.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("dashboards/redis.json.qute:"));
        assertThat(broken.find("redis")).isEmpty();
    }

    @Test
    void optedOutGoneAndProblemClustersGetNoDashboard() {
        Cluster ignored = Fixtures.withTags(everyTopology().get(0), Map.of("cachewatch:ignore", "true"));
        Cluster badProfile = Fixtures.withTags(everyTopology().get(1), Map.of("cachewatch:profile", "nope"));
        RenderedRegion rendered = render(renderer(), ignored, badProfile);
        assertThat(rendered.dashboards()).extracting(DesiredDashboard::name).containsExactly("cachewatch-us-east-1--fleet");

    }

    @Test
    void renderingIsDeterministic() {
        Cluster[] all = everyTopology().toArray(Cluster[]::new);
        List<String> first = render(renderer(), all).dashboards().stream().map(d -> DashboardJson.write(d.body())).toList();
        List<String> second = render(renderer(), all).dashboards().stream().map(d -> DashboardJson.write(d.body())).toList();
        assertThat(first).isEqualTo(second);
    }
}
