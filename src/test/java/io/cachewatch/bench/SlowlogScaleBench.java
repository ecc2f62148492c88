package io.cachewatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoServer;
import io.cachewatch.testing.RespResponder;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar's {@code slowlog --dry-run} loop over 1,000 nodes: 200 clusters in moto (100 Redis OSS groups of
 * a primary and 2 replicas, 50 cluster-mode Valkey groups of 4 shards × 2, 50 MemoryDB clusters of 2 shards × 3),
 * each with an endpoint override to a {@link RespResponder} seed that answers its topology, so the collector follows
 * topology and reads every node as it would in AWS. Every poll 1 % of the nodes log 1–3 new entries. The collector
 * runs in its own JVM with {@code -Xmx256m} (or {@code -Dslowlog.bench.jvm}); its CPU time and resident memory are read from /proc over the steady
 * state (after the first two polls, which connect), its heap from the GC log, the traffic from the responder.
 *
 * <pre>./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.cachewatch.bench.SlowlogScaleBench [-Dexec.args="MINUTES INTERVAL"] [-Dslowlog.bench.jvm="-Xmx256m ..."]</pre>
 */
public final class SlowlogScaleBench {
    /** The collector's JVM options; -Dslowlog.bench.jvm="..." to try others (a smaller heap, another GC). */
    private static final String JVM_OPTIONS = System.getProperty("slowlog.bench.jvm", "-Xmx256m");
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private SlowlogScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        Duration interval = Duration.parse("PT" + (args.length > 1 ? args[1] : "10s").toUpperCase());
        Path dir = Files.createTempDirectory("slowlog-scale");
        Vertx vertx = Vertx.vertx();
        try (MotoServer moto = MotoServer.start(); DemoFleet fleet = new DemoFleet(moto.endpoint());
             RespResponder responder = new RespResponder(vertx)) {
            Map<String, RespResponder.Group> groups = new LinkedHashMap<>();
            for (int i = 0; i < 100; i++) {
                String id = String.format("rg-%03d", i);
                fleet.redisWithReplicas(id, 2, "cache.r6g.large", "production");
                groups.put(id, responder.replicated(2));
            }
            for (int i = 0; i < 50; i++) {
                String id = String.format("cm-%03d", i);
                fleet.valkeyClusterMode(id, 4, 1, "cache.r7g.xlarge");
                groups.put(id, responder.clusterMode(4, 1));
            }
            for (int i = 0; i < 50; i++) {
                String id = String.format("mdb-%03d", i);
                fleet.memoryDbCluster(id, 2, 2, "db.r6g.large");
                groups.put(id, responder.clusterMode(2, 2));
            }
            List<RespResponder.Node> nodes = responder.nodes();
            Random random = new Random(42);
            nodes.forEach(n -> n.log(20_000 + random.nextInt(200_000), "GET", "user:" + random.nextInt(1000) + ":session"));

            List<String> config = new ArrayList<>(List.of("cachewatch:", "  slowlog:", "    interval: " + interval.toMillis() + "ms",
                    "    state-file: " + dir.resolve("state.json"), "    endpoint-overrides:"));
            groups.forEach((id, g) -> config.add("      " + id + ": redis://" + g.seed().address()));
            Path configFile = Files.writeString(dir.resolve("application.yaml"), String.join("\n", config) + "\n");
            Path gcLog = dir.resolve("gc.log");
            CachewatchJar cachewatch = CachewatchJar.packaged()
                    .env("AWS_ENDPOINT_URL", moto.endpoint().toString()).env("AWS_REGION", "us-east-1")
                    .env("AWS_ACCESS_KEY_ID", "test").env("AWS_SECRET_ACCESS_KEY", "test")
                    .env("CACHEWATCH_DISCOVERY_KINDS", "elasticache,memorydb").env("QUARKUS_CONFIG_LOCATIONS", configFile.toString())
                    .jvm("-Xlog:gc:file=" + gcLog).jvm(JVM_OPTIONS.split(" "));
            System.out.printf("%d clusters, %d nodes on the responder, interval %s, %.1f minutes, collector JVM %s, load average %s%n",
                    groups.size(), nodes.size(), interval, minutes, JVM_OPTIONS, ProcessSampler.loadAverage());

            long started = System.nanoTime();
            CachewatchJar.Running running = cachewatch.start("slowlog", "--dry-run", "--output", "json");
            ProcessSampler sampler = new ProcessSampler(running.process().pid());
            PollLines polls = new PollLines(running.out());
            List<Long> pollAt = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            long peakRss = 0;
            ProcessSampler.Sample steadyStart = null;
            Map<String, Long> commandsAtStart = null;
            long bytesInAtStart = 0;
            long bytesOutAtStart = 0;
            long batchesAtStart = 0;
            int connectionsAtStart = 0;
            long rssSum = 0;
            int rssSamples = 0;
            long deadline = started + (long) (minutes * 60e9);
            long nextActivity = 0;
            while (System.nanoTime() < deadline) {
                if (!running.process().isAlive()) {
                    throw new IllegalStateException("collector exited " + running.process().exitValue() + ": " + running.stderr());
                }
                ProcessSampler.Sample s = sampler.sample();
                peakRss = Math.max(peakRss, s.peakRssKib());
                for (JsonNode poll : polls.read()) {
                    pollAt.add(System.nanoTime());
                    int read = poll.at("/summary/nodesRead").asInt();
                    int failed = poll.at("/summary/nodesFailed").asInt();
                    if (read != nodes.size() || failed != 0) {
                        problems.add("poll " + pollAt.size() + ": " + read + " read, " + failed + " failed " + poll.at("/failures"));
                    }
                    if (pollAt.size() == 2) { // connected and warmed up: the steady state starts
                        steadyStart = sampler.sample();
                        commandsAtStart = responder.commands();
                        bytesInAtStart = responder.bytesIn();
                        bytesOutAtStart = responder.bytesOut();
                        batchesAtStart = responder.batches();
                        connectionsAtStart = responder.connectionsAccepted();
                    }
                }
                if (steadyStart != null) {
                    rssSum += s.rssKib();
                    rssSamples++;
                }
                if (System.nanoTime() > nextActivity) { // 1 % of the nodes log 1-3 new entries per interval
                    for (int i = 0; i < nodes.size() / 100; i++) {
                        RespResponder.Node n = nodes.get(random.nextInt(nodes.size()));
                        for (int k = random.nextInt(3); k >= 0; k--) {
                            n.log(15_000 + random.nextInt(300_000), "HGETALL", "profile:" + random.nextInt(100_000));
                        }
                    }
                    nextActivity = System.nanoTime() + interval.toNanos();
                }
                Thread.sleep(250);
            }
            ProcessSampler.Sample end = sampler.sample();
            int steadyPolls = pollAt.size() - 2;
            running.terminate(Duration.ofSeconds(10));
            if (steadyStart == null || steadyPolls < 1) {
                throw new IllegalStateException("fewer than 3 polls in " + minutes + " minutes: " + pollAt.size() + "\n" + running.stderr());
            }
            System.out.printf("first poll done %.1f s after start (JVM, discovery, %d connections)%n",
                    (pollAt.get(0) - started) / 1e9, nodes.size());
            List<Double> periods = new ArrayList<>();
            for (int i = 2; i < pollAt.size(); i++) {
                periods.add((pollAt.get(i) - pollAt.get(i - 1)) / 1e9);
            }
            System.out.printf("steady state: %d polls over %.1f s, poll period %.2f–%.2f s (interval + time to read all nodes)%n",
                    steadyPolls, (end.nanoTime() - steadyStart.nanoTime()) / 1e9,
                    periods.stream().mapToDouble(d -> d).min().orElse(0), periods.stream().mapToDouble(d -> d).max().orElse(0));
            System.out.printf("polls with a node not read: %d%s%n", problems.size(), problems.isEmpty() ? "" : " " + problems.get(0));
            System.out.printf("collector CPU: %.2f %% of one core (steady state; target < 20 %%)%n", end.cpuPercentSince(steadyStart));
            System.out.printf("collector RSS: steady mean %d MB, last %d MB, peak %d MB (target < 256 MB)%n",
                    rssSum / Math.max(1, rssSamples) / 1024, end.rssKib() / 1024, peakRss / 1024);
            heap(gcLog);
            double p = steadyPolls;
            System.out.printf("per poll: %.0f round trips (%.1f per node), %.0f bytes to the nodes, %.0f bytes from them, %.1f new connections%n",
                    (responder.batches() - batchesAtStart) / p, (responder.batches() - batchesAtStart) / p / nodes.size(),
                    (responder.bytesIn() - bytesInAtStart) / p, (responder.bytesOut() - bytesOutAtStart) / p,
                    (responder.connectionsAccepted() - connectionsAtStart) / p);
            Map<String, Long> commandsAtEnd = responder.commands();
            Map<String, Long> startCounts = commandsAtStart;
            commandsAtEnd.forEach((command, count) -> {
                long delta = count - startCounts.getOrDefault(command, 0L);
                if (delta > 0) {
                    System.out.printf("  %-16s %8.1f per poll%n", command, delta / p);
                }
            });
            System.out.printf("load average at the end: %s%n", ProcessSampler.loadAverage());
        } finally {
            vertx.close();
        }
    }

    /** Heap after GC and committed heap, the largest of the run, from -Xlog:gc. */
    private static void heap(Path gcLog) throws IOException {
        long maxAfter = 0;
        long maxCommitted = 0;
        int collections = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_HEAP.matcher(line);
            if (m.find()) {
                collections++;
                maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
                maxCommitted = Math.max(maxCommitted, Long.parseLong(m.group(3)));
            }
        }
        System.out.printf("collector heap: %d collections, at most %d MB live after a GC, at most %d MB committed%n",
                collections, maxAfter, maxCommitted);
    }

    /** The JSON report lines the collector has printed since the last call (one per poll). */
    private static final class PollLines {
        private final Path file;
        private long offset;
        private final StringBuilder partial = new StringBuilder();
        private final ObjectMapper json = new ObjectMapper();

        PollLines(Path file) {
            this.file = file;
        }

        List<JsonNode> read() throws IOException {
            List<JsonNode> lines = new ArrayList<>();
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                if (f.length() <= offset) {
                    return lines;
                }
                byte[] bytes = new byte[(int) (f.length() - offset)];
                f.seek(offset);
                f.readFully(bytes);
                offset += bytes.length;
                partial.append(new String(bytes, StandardCharsets.UTF_8));
            }
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                String line = partial.substring(0, newline).trim();
                partial.delete(0, newline + 1);
                if (line.startsWith("{")) {
                    lines.add(json.readTree(line));
                }
            }
            return lines;
        }
    }
}
