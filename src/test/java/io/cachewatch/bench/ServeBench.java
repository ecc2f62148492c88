package io.cachewatch.bench;

import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up, memory and idle CPU of the packaged jar: {@code serve} against moto with the demo fleet (5 clusters) and
 * with 200 clusters / 1,000 nodes, under JDK 17 and JDK 25; then the one-shot job's wall time from process start to
 * exit under JDK 17, JDK 25, JDK 17 with an AppCDS archive and JDK 25 with an AOT cache, both trained on
 * {@code validate} (which needs no AWS, so an image build can run it), and the aot-jar packaging when it was built.
 *
 * <pre>./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.cachewatch.bench.ServeBench [-Dexec.args="IDLE_SECONDS RUNS SECTIONS"]</pre>
 *
 * Defaults: 60 s idle, 5 one-shot runs per figure, sections {@code small,scale,oneshot} (comma-separated).
 *
 * JDKs: {@code -Dbench.jdk17=/path/to/jdk} (default: the JDK running the bench) and {@code -Dbench.jdk25=...}
 * (default /usr/lib/jvm/temurin-25-jdk-amd64). The aot-jar row needs
 * {@code ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=aot-app}.
 */
public final class ServeBench {
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(500)).build();

    private ServeBench() {
    }

    record Jdk(String label, String java) {
    }

    record ServeFigures(String jdk, String fleet, long readyMs, long firstRunMs, long rssKb, double idleCpuPercent, long heapUsedKb) {
    }

    public static void main(String[] args) throws Exception {
        int idleSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> sections = List.of((args.length > 2 ? args[2] : "small,scale,oneshot").split(","));
        List<Jdk> jdks = List.of(
                new Jdk("17", javaIn(System.getProperty("bench.jdk17", System.getProperty("java.home")))),
                new Jdk("25", javaIn(System.getProperty("bench.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"))));
        System.out.println("load before: " + Files.readString(Path.of("/proc/loadavg")).trim() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        try (MotoServer moto = MotoServer.start(); CloudWatchBridge bridge = CloudWatchBridge.start(moto.endpoint())) {
            bridge.pageDescribeAlarms(100);
            List<ServeFigures> serve = new ArrayList<>();
            if (sections.contains("small")) {
                serve.addAll(serveRuns(moto, bridge, jdks, "5 clusters / 13 nodes", fleet -> fleet.seedStandard(), idleSeconds));
            }
            if (sections.contains("scale")) {
                serve.addAll(serveRuns(moto, bridge, jdks, "200 clusters / 1,000 nodes", DemoFleet::seedScale, idleSeconds));
            }
            System.out.println();
            System.out.printf("serve, JVM defaults, no-drift fleet; CPU at rest over %d s between reconciles%n", idleSeconds);
            System.out.println("| JDK | fleet | start → ready | start → first reconcile done | RSS at rest | CPU at rest (% of a core) | heap used |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (ServeFigures f : serve) {
                System.out.printf("| %s | %s | %.2f s | %.2f s | %d MB | %.2f %% | %d MB |%n", f.jdk(), f.fleet(), f.readyMs() / 1000.0,
                        f.firstRunMs() / 1000.0, f.rssKb() / 1024, f.idleCpuPercent(), f.heapUsedKb() / 1024);
            }
            System.out.println();
            if (sections.contains("oneshot")) {
                oneShot(moto, bridge, jdks, runs);
            }
        }
        System.out.println("load after: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static List<ServeFigures> serveRuns(MotoServer moto, CloudWatchBridge bridge, List<Jdk> jdks, String label,
                                                Consumer<DemoFleet> seed, int idleSeconds) throws Exception {
        moto.reset();
        bridge.reset();
        bridge.pageDescribeAlarms(100);
        try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            seed.accept(fleet);
        }
        // alarms and dashboards exist before serve starts, so every first reconcile below is the same no-drift run
        CachewatchJar.Result created = CachewatchJar.packaged().against(moto, bridge).run("reconcile", "--output", "json");
        if (created.exitCode() != 0) {
            throw new IllegalStateException("seeding reconcile failed: " + created);
        }
        List<ServeFigures> figures = new ArrayList<>();
        for (Jdk jdk : jdks) {
            figures.add(serveOnce(CachewatchJar.packaged().against(moto, bridge).java(jdk.java()), jdk.label(), label, idleSeconds));
            System.out.println(figures.get(figures.size() - 1));
        }
        return figures;
    }

    private static ServeFigures serveOnce(CachewatchJar jar, String jdk, String fleet, int idleSeconds) throws Exception {
        int port = MotoServer.freePort();
        jar.env("QUARKUS_HTTP_PORT", Integer.toString(port))
                .env("CACHEWATCH_SERVE_FIRST_RUN_DELAY", "0s")
                .env("CACHEWATCH_SERVE_RECONCILE_INTERVAL", "1h");
        long start = System.nanoTime();
        CachewatchJar.Running serve = jar.start("serve");
        try {
            long pid = serve.process().pid();
            long ready = waitFor(serve, () -> status(port, "/q/health/ready") == 200) - start;
            long firstRun = waitFor(serve, () -> metric(scrape(port), "cachewatch_reconcile_runs_total") >= 1) - start;
            if (metric(scrape(port), "cachewatch_reconcile_failures_total") > 0) {
                throw new IllegalStateException("first reconcile failed: " + serve.stderr());
            }
            Thread.sleep(5_000); // let the first run's threads and the JIT settle
            long cpu0 = cpuTicks(pid);
            long t0 = System.nanoTime();
            Thread.sleep(idleSeconds * 1000L);
            long cpu1 = cpuTicks(pid);
            long t1 = System.nanoTime();
            long rss = statusKb(pid, "VmRSS");
            double cpuPercent = 100.0 * (cpu1 - cpu0) / clockTicksPerSecond() / ((t1 - t0) / 1e9);
            String metrics = scrape(port);
            if (metric(metrics, "cachewatch_reconcile_runs_total") != 1) {
                throw new IllegalStateException("a reconcile ran inside the idle window");
            }
            long heapUsed = (long) (sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"") / 1024);
            return new ServeFigures(jdk, fleet, ready / 1_000_000, firstRun / 1_000_000, rss, cpuPercent, heapUsed);
        } finally {
            serve.terminate(Duration.ofSeconds(30));
        }
    }

    /** The one-shot job, process start to exit, median and best of {@code runs}, per JVM variant. */
    private static void oneShot(MotoServer moto, CloudWatchBridge bridge, List<Jdk> jdks, int runs) throws Exception {
        moto.reset();
        bridge.reset();
        try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            fleet.seedStandard();
        }
        CachewatchJar.packaged().against(moto, bridge).run("reconcile"); // so --check finds no drift and exits 0
        Path caches = Files.createTempDirectory("cachewatch-aot");
        Jdk jdk17 = jdks.get(0);
        Jdk jdk25 = jdks.get(1);
        Path jsa = caches.resolve("cachewatch-17.jsa");
        Path aot = caches.resolve("cachewatch-25.aot");
        Path aotJarCache = caches.resolve("cachewatch-aotjar-25.aot");
        Path aotJar = Path.of("target/aot-app/quarkus-run.jar").toAbsolutePath();

        List<Object[]> variants = new ArrayList<>();
        variants.add(new Object[] {"JDK 17", fastJar(moto, bridge, jdk17)});
        variants.add(new Object[] {"JDK 25", fastJar(moto, bridge, jdk25)});
        train(fastJar(moto, bridge, jdk17).jvm("-XX:ArchiveClassesAtExit=" + jsa));
        variants.add(new Object[] {"JDK 17 + AppCDS (dynamic archive)", fastJar(moto, bridge, jdk17).jvm("-XX:SharedArchiveFile=" + jsa)});
        train(fastJar(moto, bridge, jdk25).jvm("-XX:AOTCacheOutput=" + aot));
        variants.add(new Object[] {"JDK 25 + AOT cache", fastJar(moto, bridge, jdk25).jvm("-XX:AOTCache=" + aot)});
        if (Files.isRegularFile(aotJar)) {
            train(aotJar(aotJar, moto, bridge, jdk25).jvm("-XX:AOTCacheOutput=" + aotJarCache));
            variants.add(new Object[] {"JDK 25, aot-jar packaging + AOT cache", aotJar(aotJar, moto, bridge, jdk25).jvm("-XX:AOTCache=" + aotJarCache)});
        } else {
            System.out.println("no " + aotJar + ": aot-jar row skipped");
        }
        System.out.printf("cache sizes: AppCDS %d MB, AOT cache %d MB%s%n", Files.size(jsa) >> 20, Files.size(aot) >> 20,
                Files.isRegularFile(aotJarCache) ? ", aot-jar AOT cache " + (Files.size(aotJarCache) >> 20) + " MB" : "");

        List<List<String>> commands = List.of(List.of("validate"), List.of("reconcile", "--check", "--output", "json"));
        System.out.printf("one-shot job, process start to exit, median (best) of %d runs; caches trained on `validate`%n", runs);
        System.out.println("| JVM | `validate` | `reconcile --check` (5 clusters, no drift) |");
        System.out.println("|---|---|---|");
        for (Object[] v : variants) {
            StringBuilder row = new StringBuilder("| " + v[0] + " |");
            for (List<String> command : commands) {
                long[] ms = new long[runs];
                for (int i = 0; i < runs; i++) {
                    ms[i] = timed((CachewatchJar) v[1], command);
                }
                Arrays.sort(ms);
                row.append(String.format(" %.2f s (%.2f s) |", ms[runs / 2] / 1000.0, ms[0] / 1000.0));
            }
            System.out.println(row);
        }
    }

    private static CachewatchJar fastJar(MotoServer moto, CloudWatchBridge bridge, Jdk jdk) {
        return CachewatchJar.packaged().against(moto, bridge).java(jdk.java());
    }

    private static CachewatchJar aotJar(Path jar, MotoServer moto, CloudWatchBridge bridge, Jdk jdk) {
        return new CachewatchJar(jar, Path.of(System.getProperty("cachewatch.project.dir", ".")).toAbsolutePath())
                .against(moto, bridge).java(jdk.java());
    }

    private static void train(CachewatchJar jar) {
        CachewatchJar.Result result = jar.run("validate");
        if (result.exitCode() != 0) {
            throw new IllegalStateException("training run failed: " + result);
        }
    }

    private static long timed(CachewatchJar jar, List<String> command) {
        long start = System.nanoTime();
        CachewatchJar.Result result = jar.run(command.toArray(String[]::new));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result);
        }
        if (result.toString().contains("[warning][cds") || result.toString().contains("[warning][aot")) {
            throw new IllegalStateException("the archive was not used: " + result.stderr());
        }
        return ms;
    }

    private interface Check {
        boolean met() throws Exception;
    }

    /** Polls every 20 ms for up to 20 min (a loaded machine); the nanoTime at which the condition held. */
    private static long waitFor(CachewatchJar.Running serve, Check check) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (check.met()) {
                    return System.nanoTime();
                }
            } catch (Exception e) {
                // not listening yet
            }
            if (!serve.process().isAlive()) {
                throw new IllegalStateException("serve exited: " + serve.stderr());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("serve did not get there in 20 min: " + serve.stderr());
    }

    private static int status(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(request(port, path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String scrape(int port) throws IOException, InterruptedException {
        return HTTP.send(request(port, "/q/metrics"), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build();
    }

    private static double metric(String metrics, String name) {
        return sum(metrics, name, "");
    }

    private static double sum(String metrics, String name, String labelFragment) {
        Matcher m = SAMPLE.matcher(metrics);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).equals(name) && m.group(2).contains(labelFragment)) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    /** utime + stime of the process, in clock ticks (/proc/PID/stat fields 14 and 15). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long statusKb(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }

    private static long clockTicksPerSecond() throws IOException, InterruptedException {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
        String out = new String(getconf.getInputStream().readAllBytes()).trim();
        getconf.waitFor();
        return Long.parseLong(out);
    }

    private static String javaIn(String home) {
        return Path.of(home, "bin", "java").toString();
    }
}
