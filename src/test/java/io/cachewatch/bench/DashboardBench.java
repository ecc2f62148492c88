package io.cachewatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.Fixtures;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.dashboard.DashboardFixtures;
import io.cachewatch.dashboard.DashboardLimits;
import io.cachewatch.dashboard.DashboardRenderer;
import io.cachewatch.dashboard.DashboardTemplates;
import io.cachewatch.dashboard.RenderedRegion;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Dashboards at fleet scale. Part 1, in process: rendering the dashboards of 200 clusters / 1,000 nodes (template
 * parsing included in the cold figure). Part 2, the packaged jar against moto: a first {@code reconcile --only
 * dashboards} creates 201 dashboards, a second one (no drift) must make zero PutDashboard calls; it runs at the
 * default dashboard pace (8 calls/s) so its time is what a real no-drift run costs.
 *
 * <pre>./mvnw -B -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath io.cachewatch.bench.DashboardBench render"
 * ./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.cachewatch.bench.DashboardBench -Dexec.args=reconcile</pre>
 * The rendering figures need a JVM of their own (exec:exec): in Maven's JVM the cold figure is not cold.
 */
public final class DashboardBench {
    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("render")) {
            render(args.length > 1 ? Integer.parseInt(args[1]) : 20);
        }
        if (args.length == 0 || args[0].equals("reconcile")) {
            reconcile();
        }
    }

    /** The same shape as DemoFleet.seedScale: 100 Redis OSS groups of 3, 50 Valkey 4 × 2, 25 Memcached of 6, 25 MemoryDB 2 × 3. */
    static List<Cluster> scaleFleet() {
        List<Cluster> clusters = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            clusters.add(DashboardFixtures.withArn(Fixtures.redisReplicationGroup(String.format("rg-%03d", i), 2, Map.of())));
        }
        for (int i = 0; i < 50; i++) {
            clusters.add(DashboardFixtures.withArn(Fixtures.valkeyClusterMode(String.format("vk-%03d", i), 4, 1)));
        }
        for (int i = 0; i < 25; i++) {
            clusters.add(DashboardFixtures.withArn(Fixtures.memcached(String.format("mc-%03d", i), 6)));
            clusters.add(DashboardFixtures.withArn(Fixtures.memoryDb(String.format("mdb-%03d", i), 2, 2)));
        }
        return clusters;
    }

    /** @param warmRuns renders after the cold one (0: the cold figure only, e.g. under -Xint to count interpreted work) */
    private static void render(int warmRuns) {
        List<Cluster> clusters = scaleFleet();
        RegionInventory region = new RegionInventory(Fixtures.REGION, clusters, List.of());
        // the desired alarms are an input (alarm widgets, thresholds) computed for the alarm plan anyway: not timed here
        DesiredState alarms = DashboardFixtures.ALARMS.forRegion(region);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        DashboardRenderer renderer = DashboardFixtures.renderer(DashboardTemplates.load(Path.of("dashboards")), DashboardLimits.CLOUDWATCH);
        long loaded = System.nanoTime() - start;
        RenderedRegion first = renderer.forRegion(region, alarms);
        long cold = System.nanoTime() - start;
        long coldCpu = os.getProcessCpuTime() - cpuStart;
        long[] warm = new long[Math.max(1, warmRuns)];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            renderer.forRegion(region, alarms);
            warm[i] = System.nanoTime() - t;
        }
        Arrays.sort(warm);
        int nodes = clusters.stream().mapToInt(c -> c.nodes().size()).sum();
        System.out.printf("rendered %d dashboards for %d clusters / %d nodes (%d alarms listed), problems %d%n",
                first.dashboards().size(), clusters.size(), nodes, alarms.alarms().size(), first.problems().size());
        System.out.printf("| cold JVM: template parsing + first render | %d ms (of which loading and parsing the templates %d ms);"
                + " CPU of the whole process meanwhile, all threads incl. JIT and GC: %d ms |%n", cold / 1_000_000, loaded / 1_000_000, coldCpu / 1_000_000);
        System.out.printf("| warm median / max of %d renders | %d / %d ms |%n", warm.length, warm[warm.length / 2] / 1_000_000, warm[warm.length - 1] / 1_000_000);
    }

    private static void reconcile() throws Exception {
        try (MotoServer moto = MotoServer.start(); CloudWatchBridge bridge = CloudWatchBridge.start(moto.endpoint());
             DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            int clusters = fleet.seedScale();
            CachewatchJar cachewatch = CachewatchJar.packaged().against(moto, bridge);
            JsonNode first = json(cachewatch.run("reconcile", "--only", "dashboards", "--output", "json"));
            System.out.printf("first run: %d dashboards created, %d failed%n", first.at("/summary/create").asInt(), first.at("/summary/failed").asInt());

            cachewatch.env("CACHEWATCH_DASHBOARDS_RATE", "8");
            bridge.calls().reset();
            long start = System.nanoTime();
            JsonNode second = json(cachewatch.run("reconcile", "--only", "dashboards", "--output", "json"));
            long elapsed = System.nanoTime() - start;
            System.out.printf("no-drift run over %d clusters: create %d, update %d, delete %d, unchanged %d, %.2f s (whole process, 8 calls/s)%n",
                    clusters, second.at("/summary/create").asInt(), second.at("/summary/update").asInt(),
                    second.at("/summary/delete").asInt(), second.at("/summary/unchanged").asInt(), elapsed / 1e9);
            System.out.println("| operation | calls |");
            System.out.println("|---|---|");
            for (Iterator<Map.Entry<String, JsonNode>> it = second.at("/apiCalls").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                System.out.printf("| %s | %d |%n", e.getKey(), e.getValue().asLong());
            }
            System.out.printf("PutDashboard requests seen by the bridge: %d%n", bridge.calls().count("PutDashboard"));
        }
    }

    private static JsonNode json(CachewatchJar.Result result) throws Exception {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("reconcile failed: " + result);
        }
        return new ObjectMapper().readTree(result.stdout());
    }
}
