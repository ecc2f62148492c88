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
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Plans a 10,000-node inventory offline: desired alarms from the shipped profiles, then the diff against CloudWatch's
 * state (once empty: all creates; once equal: no drift). Prints cold and warm times, the first plan's CPU (the planning
 * thread's own, and the whole process's with the JIT compilers and GC), fingerprints of the first and the no-drift
 * plan (equal fingerprints: the same plan, for comparing a change that should only make planning cheaper) and the heap
 * in use, then runs the packaged jar's {@code reconcile --inventory FILE --dry-run} on the same inventory with a 256 MB
 * heap. {@code cold} stops after the plan figures; {@code cold N} runs that in N cold JVMs one after another (same JVM
 * options and class path) and prints the min, median and max of each figure.
 *
 * <pre>./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx256m -cp %classpath io.cachewatch.bench.PlanBench [cold [N]]"</pre>
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

    /**
     * SHA-256 of everything a plan says (every change with the alarm it writes, held, problems, counts), so a change
     * meant to make planning cheaper can show that the plan is the same: run this bench before and after and compare.
     */
    static String fingerprint(KindPlan<DesiredAlarm> plan) throws java.security.NoSuchAlgorithmException {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        java.util.function.Consumer<Object> line = o -> sha.update((o + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        line.accept(plan.kind() + " " + plan.region() + " unchanged=" + plan.unchanged() + " managed=" + plan.managed());
        // a desired alarm's tags are an unordered map (its iteration order differs between JVMs): compared sorted
        plan.changes().forEach(c -> line.accept(List.of(c.action(), c.kind(), c.region(), c.name(), String.valueOf(c.cluster()),
                String.valueOf(c.node()), String.valueOf(c.rule()), c.diff(), c.summary(), c.desired() == null ? "-"
                        : List.of(c.desired().name(), c.desired().spec(), c.desired().owner(), c.desired().severity(),
                        new java.util.TreeMap<>(c.desired().tags())))));
        plan.held().forEach(line);
        plan.problems().forEach(line);
        return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16) + " (" + plan.changes().size() + " changes)";
    }

    /**
     * {@code cold N}: the first plan in N cold JVMs, one after another, each with this JVM's options and class path;
     * prints each run's line and the min and median of wall and CPU time.
     */
    private static void coldRuns(int runs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlanBench.class.getName(), "cold"));
        java.util.regex.Pattern figures = java.util.regex.Pattern.compile(
                "first plan: wall (\\d+) ms, CPU of the planning thread (\\d+) ms, process CPU (\\d+) ms");
        List<long[]> measured = new ArrayList<>();
        java.util.Set<String> fingerprints = new java.util.TreeSet<>();
        for (int i = 0; i < runs; i++) {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("cold run " + (i + 1) + " failed:\n" + out);
            }
            for (String l : out.split("\n")) {
                java.util.regex.Matcher m = figures.matcher(l);
                if (m.find()) {
                    measured.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
                    System.out.println("run " + (i + 1) + ": " + l);
                } else if (l.startsWith("plan fingerprints: ")) {
                    fingerprints.add(l.substring("plan fingerprints: ".length()));
                }
            }
        }
        String[] what = {"wall", "CPU of the planning thread", "process CPU"};
        for (int f = 0; f < what.length; f++) {
            final int field = f;
            long[] sorted = measured.stream().mapToLong(m -> m[field]).sorted().toArray();
            System.out.printf("first plan, %d cold JVMs, %s: min %d ms, median %d ms, max %d ms%n", sorted.length, what[f], sorted[0],
                    sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2,
                    sorted[sorted.length - 1]);
        }
        System.out.println("plan fingerprints: " + String.join(" | ", fingerprints));
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("cold")) {
            int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
            if (runs > 1) {
                coldRuns(runs);
                return;
            }
        }
        boolean coldOnly = args.length > 0 && args[0].equals("cold");
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
        // process CPU (every thread: JIT compilers and GC included) tells work from waiting on a busy machine
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // this thread's CPU: the plan's own work, interpreted or compiled, without the JIT compilers and GC threads
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long firstPlanCpu = 0;
        long firstPlanThreadCpu = 0;
        KindPlan<DesiredAlarm> firstPlan = null;
        KindPlan<DesiredAlarm> noDriftPlan = null;
        for (int run = 0; run < millis.length; run++) {
            long cpu = os.getProcessCpuTime();
            long threadCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            DesiredState state = desired.forRegion(region);
            plan = OneKind.plan(alarms, state, ListedAlarms.of(run % 2 == 0 ? List.of() : inSync).apply(region.region()));
            millis[run] = (System.nanoTime() - start) / 1e6;
            if (run == 0) {
                firstPlanThreadCpu = threads.getCurrentThreadCpuTime() - threadCpu;
                firstPlanCpu = os.getProcessCpuTime() - cpu;
                firstPlan = plan;
                inSync = state.alarms().stream().map(a -> new ActualAlarm(a.name(), a.spec(), a.owner())).toList();
            } else if (run == 1) {
                noDriftPlan = plan;
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
        System.out.printf("first plan: wall %.0f ms, CPU of the planning thread %.0f ms, process CPU %.0f ms (all threads), load average %.2f%n",
                millis[0], firstPlanThreadCpu / 1e6, firstPlanCpu / 1e6, os.getSystemLoadAverage());
        System.out.printf("heap in use after GC with inventory, desired state and plan held: %d MB (max heap %d MB)%n", heapMb, maxMb);
        if (plan == null) {
            throw new IllegalStateException("no plan");
        }
        System.out.printf("plan fingerprints: first %s, no-drift %s%n", fingerprint(firstPlan), fingerprint(noDriftPlan));
        if (coldOnly) {
            return;
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
