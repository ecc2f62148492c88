package io.cachewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CliTestBase;
import io.cachewatch.testing.MetricHistory;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.elasticache.model.ClusterMode;
import software.amazon.awssdk.services.elasticache.model.Tag;

/**
 * The usage checks of {@code audit} through the packaged jar against moto, over 14 days of metric history seeded with
 * PutMetricData (moto answers GetMetricData over it): an idle development cluster, an oversized node, a hot shard, a
 * cache without TTLs and a maintenance window in office hours, beside clusters that are busy and healthy. Exactly those
 * five fail a usage check, each with its figures; the demo fleet's clusters have no metric history and are unknown.
 */
class UsageAuditIT extends CliTestBase {
    private static final String NS = "AWS/ElastiCache";
    private static final List<String> USAGE_CHECKS = List.of("idle-cluster", "oversized-node", "eviction-pressure", "ttl-coverage",
            "shard-skew", "connection-churn", "maintenance-window-busy");
    private static final List<String> SEEDED = List.of("dev-idle", "oversized", "hot", "no-ttl", "busy-window");

    private MetricHistory history;

    @BeforeEach
    void fleetWithHistory() {
        var ec = fleet.elastiCache();
        ec.createCacheCluster(b -> b.cacheClusterId("dev-idle").engine("redis").cacheNodeType("cache.t3.small").numCacheNodes(1)
                .preferredMaintenanceWindow("sun:05:00-sun:06:00").tags(tag("Environment", "development")));
        ec.createCacheCluster(b -> b.cacheClusterId("oversized").engine("redis").cacheNodeType("cache.r6g.2xlarge").numCacheNodes(1)
                .preferredMaintenanceWindow("sun:05:00-sun:06:00").tags(tag("Environment", "production")));
        ec.createReplicationGroup(b -> b.replicationGroupId("hot").replicationGroupDescription("a hot shard").engine("valkey")
                .cacheNodeType("cache.r7g.xlarge").clusterMode(ClusterMode.ENABLED).numNodeGroups(3).replicasPerNodeGroup(1)
                .tags(tag("Environment", "production")));
        ec.createReplicationGroup(b -> b.replicationGroupId("no-ttl").replicationGroupDescription("keys without TTL").engine("redis")
                .cacheNodeType("cache.r6g.large").numCacheClusters(2).replicasPerNodeGroup(1).tags(tag("Environment", "production")));
        ec.createCacheCluster(b -> b.cacheClusterId("busy-window").engine("redis").cacheNodeType("cache.r6g.large").numCacheNodes(1)
                .preferredMaintenanceWindow("wed:10:00-wed:11:00").tags(tag("Environment", "production")));

        history = new MetricHistory(cloudWatch, NS, 14);
        // an idle development cluster: no commands, only ElastiCache's own monitoring connections
        healthy(MetricHistory.node("dev-idle", "0001"), at -> 2, 30, 0, 2, 0);
        // an oversized node: 5 % engine CPU and 10 % of 52.82 GiB on a cache.r6g.2xlarge
        healthy(MetricHistory.node("oversized", "0001"), at -> 5, 10, 2_000_000, 120, 40);
        // a hot shard: shard 0002's primary works three times as hard as the others
        for (int shard = 1; shard <= 3; shard++) {
            for (int node = 1; node <= 2; node++) {
                boolean primary = node == 1;
                double cpu = !primary ? 5 : shard == 2 ? 60 : 20;
                List<Dimension> dims = MetricHistory.node(String.format("hot-%04d-%03d", shard, node), "0001");
                healthy(dims, at -> cpu, 50, primary ? 5_000_000 : 0, 80, 30);
                history.daily("IsPrimary", dims, 14, d -> primary ? 1 : 0);
            }
        }
        // a cache where 5 % of the keys have a TTL
        for (String member : List.of("no-ttl-001", "no-ttl-002")) {
            List<Dimension> dims = MetricHistory.node(member, "0001");
            history.hourly("EngineCPUUtilization", dims, at -> 35)
                    .daily("DatabaseMemoryUsagePercentage", dims, 14, d -> 60)
                    .daily("GetTypeCmds", dims, 14, d -> 3_000_000).daily("SetTypeCmds", dims, 14, d -> 1_000_000)
                    .daily("CurrConnections", dims, 14, d -> 200).daily("NewConnections", dims, 14, d -> 50)
                    .daily("Evictions", dims, 14, d -> 0).daily("NetworkBytesIn", dims, 14, d -> 4e9)
                    .daily("CurrItems", dims, 14, d -> 200_000).daily("CurrVolatileItems", dims, 14, d -> 10_000);
        }
        // office hours (Mon–Fri 08:00–18:00 UTC) at 70 % engine CPU, nights at 15 %, Sunday 03:00 the quietest at 8 %;
        // the window is Wednesday 10:00
        healthy(MetricHistory.node("busy-window", "0001"), UsageAuditIT::officeHours, 50, 4_000_000, 150, 30);
        history.flush();
    }

    /** A node with every figure a usage check reads: CPU hourly, the rest daily; 90 % of its keys with a TTL, no evictions. */
    private void healthy(List<Dimension> dims, java.util.function.ToDoubleFunction<Instant> cpu, double memoryPercent, double commands,
                         double connections, double newConnectionsPerDay) {
        history.hourly("EngineCPUUtilization", dims, cpu)
                .daily("DatabaseMemoryUsagePercentage", dims, 14, d -> memoryPercent)
                .daily("GetTypeCmds", dims, 14, d -> commands * 0.8).daily("SetTypeCmds", dims, 14, d -> commands * 0.2)
                .daily("CurrConnections", dims, 14, d -> connections).daily("NewConnections", dims, 14, d -> newConnectionsPerDay)
                .daily("Evictions", dims, 14, d -> 0).daily("NetworkBytesIn", dims, 14, d -> 1e9)
                .daily("CurrItems", dims, 14, d -> commands > 0 ? 100_000 : 0).daily("CurrVolatileItems", dims, 14, d -> commands > 0 ? 90_000 : 0);
    }

    private static double officeHours(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        if (t.getDayOfWeek() == DayOfWeek.SUNDAY && t.getHour() == 3) {
            return 8;
        }
        return t.getDayOfWeek().getValue() <= 5 && t.getHour() >= 8 && t.getHour() < 18 ? 70 : 15;
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static JsonNode result(JsonNode doc, String cluster, String check) {
        for (JsonNode r : doc.get("results")) {
            if (r.get("cluster").asText().equals(cluster) && r.get("check").asText().equals(check)) {
                return r;
            }
        }
        throw new AssertionError("no result " + cluster + "/" + check);
    }

    @Test
    void auditNamesExactlyTheSeededUsageProblemsWithTheirFigures() throws Exception {
        bridge.calls().reset();
        CachewatchJar.Result run = cachewatch.run("audit", "--output", "json", "--fail-on", "never");
        JsonNode doc = JSON.readTree(run.stdout());

        Set<String> failing = new TreeSet<>();
        List<String> usageUnknown = new ArrayList<>();
        for (JsonNode r : doc.get("results")) {
            String check = r.get("check").asText();
            if (!USAGE_CHECKS.contains(check)) {
                continue;
            }
            String cluster = r.get("cluster").asText();
            if (r.get("status").asText().equals("fail")) {
                failing.add(cluster + "/" + check);
            }
            if (SEEDED.contains(cluster) && r.get("status").asText().equals("unknown")) {
                usageUnknown.add(cluster + "/" + check + ": " + r.get("reason").asText());
            }
        }
        // moto lists no replication-group member clusters, so their maintenance window is unknown (AuditCliIT says the same)
        assertThat(usageUnknown).as("seeded clusters have every figure").containsExactlyInAnyOrder(
                "hot/maintenance-window-busy: " + result(doc, "hot", "maintenance-window-busy").get("reason").asText(),
                "no-ttl/maintenance-window-busy: " + result(doc, "no-ttl", "maintenance-window-busy").get("reason").asText());
        assertThat(result(doc, "hot", "maintenance-window-busy").get("reason").asText()).contains("not listed by DescribeCacheClusters");
        assertThat(failing).as(run.stderr()).containsExactlyInAnyOrder("dev-idle/idle-cluster", "oversized/oversized-node", "hot/shard-skew",
                "no-ttl/ttl-coverage", "busy-window/maintenance-window-busy");

        JsonNode idle = result(doc, "dev-idle", "idle-cluster");
        assertThat(idle.at("/evidence/peakCommandsPerDay").asDouble()).isZero();
        assertThat(idle.at("/evidence/peakConnections").asDouble()).isEqualTo(2);
        assertThat(idle.at("/evidence/lookbackDays").asDouble()).isEqualTo(14);
        assertThat(idle.at("/evidence/thresholds/idle-max-connections").asDouble()).isEqualTo(5);
        assertThat(idle.get("remediation").asText()).contains("no stop API").contains("--final-snapshot-identifier");

        JsonNode oversized = result(doc, "oversized", "oversized-node");
        assertThat(oversized.at("/evidence/smallerNodeType").asText()).isEqualTo("cache.r6g.large");
        assertThat(oversized.at("/evidence/cpuP99").asDouble()).isEqualTo(5);
        assertThat(oversized.at("/evidence/peakMemoryPercent").asDouble()).isEqualTo(10);
        // the production profile turns idle-cluster off
        assertThat(result(doc, "oversized", "idle-cluster").get("status").asText()).isEqualTo("not-applicable");

        JsonNode hot = result(doc, "hot", "shard-skew");
        assertThat(hot.at("/evidence/figures/engineCpu/busiest").asText()).isEqualTo("hot-0002-001/0001");
        assertThat(hot.at("/evidence/figures/engineCpu/factor").asDouble()).isEqualTo(1.8); // 60 over the mean of 60, 20, 20
        assertThat(hot.at("/evidence/figures/items/factor").asDouble()).isEqualTo(1.0);

        JsonNode ttl = result(doc, "no-ttl", "ttl-coverage");
        assertThat(ttl.at("/evidence/coveragePercent").asDouble()).isEqualTo(5);

        JsonNode window = result(doc, "busy-window", "maintenance-window-busy");
        assertThat(window.at("/evidence/maintenanceWindow").asText()).isEqualTo("wed:10:00-wed:11:00");
        assertThat(window.at("/evidence/proposedWindow").asText()).isEqualTo("sun:03:00-sun:04:00");
        assertThat(window.at("/evidence/busyHours/0").asText()).isEqualTo("wed 10:00 (70)");
        assertThat(result(doc, "dev-idle", "maintenance-window-busy").get("status").asText()).isEqualTo("pass");

        // the demo fleet has no metric history: unknown, never a verdict
        for (String cluster : List.of("orders", "feed", "sessions-mc", "solo", "ledger")) {
            for (String check : List.of("idle-cluster", "connection-churn")) {
                JsonNode r = result(doc, cluster, check);
                assertThat(r.get("status").asText()).as(cluster + "/" + check).isIn("unknown", "not-applicable");
            }
            assertThat(result(doc, cluster, "connection-churn").get("reason").asText()).startsWith("only 0 days of metric history");
        }

        // one pass: every query in ⌈queries / 500⌉ calls (this fleet: well under 500 queries)
        assertThat(doc.at("/apiCalls/CloudWatch.GetMetricData").asInt()).isEqualTo(1);
        assertThat(bridge.calls().count("GetMetricData")).isEqualTo(1);
    }

    @Test
    void aClusterWithLessThanSevenDaysOfHistoryIsUnknownAndAnOfflineAuditSaysWhy() throws Exception {
        fleet.elastiCache().createCacheCluster(b -> b.cacheClusterId("young").engine("redis").cacheNodeType("cache.r6g.large")
                .numCacheNodes(1).tags(tag("Environment", "development")));
        // idle for the five days it has existed
        List<Dimension> dims = MetricHistory.node("young", "0001");
        Instant born = history.start().plus(java.time.Duration.ofDays(9));
        history.hourly("EngineCPUUtilization", dims, at -> at.isBefore(born) ? Double.NaN : 1)
                .daily("GetTypeCmds", dims, 5, d -> 0).daily("SetTypeCmds", dims, 5, d -> 0).daily("CurrConnections", dims, 5, d -> 1);
        history.flush();
        CachewatchJar.Result run = cachewatch.run("audit", "--output", "json", "--fail-on", "never", "--cluster", "young", "--cluster", "dev-idle");
        JsonNode doc = JSON.readTree(run.stdout());
        assertThat(result(doc, "dev-idle", "idle-cluster").get("status").asText()).isEqualTo("fail");
        JsonNode young = result(doc, "young", "idle-cluster");
        assertThat(young.get("status").asText()).as(run.stderr()).isEqualTo("unknown");
        assertThat(young.get("reason").asText()).isEqualTo("only 5 days of metric history (at least 7 needed to judge)");
        assertThat(young.at("/evidence/historyDays").asDouble()).isEqualTo(5);

        CachewatchJar.Result discovered = cachewatch.run("discover", "--output", "json");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("inventory", ".json");
        java.nio.file.Files.writeString(file, discovered.stdout());
        JsonNode offline = JSON.readTree(cachewatch.run("audit", "--output", "json", "--fail-on", "never", "--inventory", file.toString()).stdout());
        JsonNode idle = result(offline, "dev-idle", "idle-cluster");
        assertThat(idle.get("status").asText()).isEqualTo("unknown");
        assertThat(idle.get("reason").asText()).isEqualTo("not read: --inventory audits offline, without CloudWatch metrics");
        assertThat(offline.at("/apiCalls/CloudWatch.GetMetricData").asInt()).isZero();
    }
}
