package io.cachewatch.bench;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmActions;
import io.cachewatch.alarm.AlarmNaming;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.InventoryJson;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.alarm.AlarmKind;
import io.cachewatch.alarm.ListedAlarms;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.reconcile.OneKind;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileSelector;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.MotoServer;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Plans a 10,000-node inventory offline: desired alarms from the shipped profiles, then the diff against CloudWatch's
 * state (once empty: all creates; once equal: no drift). Prints cold and warm times and the heap in use, then runs the
 * packaged jar's {@code reconcile --inventory FILE --dry-run} on the same inventory with a 256 MB heap.
 *
 * <pre>./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx256m -cp %classpath io.cachewatch.bench.PlanBench"</pre>
 */
public final class PlanBench {
    private PlanBench() {
    }

    /** 2,000 clusters of 5 nodes: Redis OSS groups (1 primary, 4 replicas), Memcached, MemoryDB. */
    static Fleet fleet() {
        List<Cluster> clusters = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Cluster c = switch (i % 3) {
                case 0 -> io.cachewatch.Fixtures.redisReplicationGroup(String.format("rg-%04d", i), 4, Map.of());
                case 1 -> io.cachewatch.Fixtures.memcached(String.format("mc-%04d", i), 5);
                default -> io.cachewatch.Fixtures.memoryDb(String.format("mdb-%04d", i), 1, 4);
            };
            clusters.add(c);
        }
        return new Fleet(List.of(new RegionInventory(io.cachewatch.Fixtures.REGION, clusters, List.of())));
    }

    public static void main(String[] args) throws Exception {
        Fleet fleet = fleet();
        int nodes = fleet.clusters().stream().mapToInt(c -> c.nodes().size()).sum();
        ProfileCatalog catalog = ProfileCatalog.load(Path.of("alarm-profiles"));
        DesiredAlarms desired = new DesiredAlarms(catalog.profiles(), new ProfileSelector("default", "Environment", Map.of()),
                new AlarmNaming("cachewatch-"), AlarmActions.NONE);
        RegionInventory region = fleet.regions().get(0);

        double[] millis = new double[10];
        KindPlan<DesiredAlarm> plan = null;
        AlarmKind alarms = new AlarmKind(new AlarmNaming("cachewatch-"));
        List<ActualAlarm> inSync = List.of();
        for (int run = 0; run < millis.length; run++) {
            long start = System.nanoTime();
            DesiredState state = desired.forRegion(region);
            plan = OneKind.plan(alarms, state, ListedAlarms.of(run % 2 == 0 ? List.of() : inSync).apply(region.region()));
            millis[run] = (System.nanoTime() - start) / 1e6;
            if (run == 0) {
                inSync = state.alarms().stream().map(a -> new ActualAlarm(a.name(), a.spec(), a.owner())).toList();
            }
        }
        System.gc();
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        double[] warm = Arrays.copyOfRange(millis, 2, millis.length);
        Arrays.sort(warm);
        System.out.printf("%d clusters, %d nodes, %d desired alarms%n", fleet.clusters().size(), nodes, inSync.size());
        System.out.printf("plan (desired + diff): cold %.0f ms (all creates), then no-drift %.0f ms; warm median %.0f ms, max %.0f ms%n",
                millis[0], millis[1], warm[warm.length / 2], warm[warm.length - 1]);
        System.out.printf("heap in use after GC with inventory, desired state and plan held: %d MB (max heap %d MB)%n", heapMb, maxMb);
        if (plan == null) {
            throw new IllegalStateException("no plan");
        }

        Path file = Files.createTempFile("inventory-10k", ".json");
        try (Writer w = Files.newBufferedWriter(file)) {
            InventoryJson.write(fleet, w);
        }
        try (MotoServer moto = MotoServer.start(); CloudWatchBridge bridge = CloudWatchBridge.start(moto.endpoint())) {
            CachewatchJar jar = CachewatchJar.packaged().against(moto, bridge).env("JAVA_TOOL_OPTIONS", "-Xmx256m");
            jar.run("validate"); // warm the file cache
            long start = System.nanoTime();
            CachewatchJar.Result result = jar.run("reconcile", "--inventory", file.toString(), "--dry-run", "--only", "alarms", "--output", "json");
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("java -Xmx256m -jar quarkus-run.jar reconcile --inventory (%d MB file) --dry-run --only alarms: exit %d in %.2f s (JVM start included)%n",
                    Files.size(file) >> 20, result.exitCode(), seconds);
            if (result.exitCode() != 0) {
                System.out.println(result.stderr());
                System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.stdout()).path("errors"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
