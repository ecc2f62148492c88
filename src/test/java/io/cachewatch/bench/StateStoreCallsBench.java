package io.cachewatch.bench;

import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoClients;
import io.cachewatch.testing.MotoServer;
import io.cachewatch.testing.RedisServers;
import io.cachewatch.testing.SlowlogConfig;
import io.cachewatch.testing.StateTables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB calls of serve's state store per slow-log poll, for one target: the packaged jar's {@code serve} with
 * {@code cachewatch.state.store=dynamodb} against moto, NODES single-node clusters on real redis-servers, slow-log polls
 * every 2 s. Counts come from serve's own {@code cachewatch_aws_calls_total} (every attempt, as DynamoDB bills them)
 * over a window at rest (Redis' default {@code slowlog-log-slower-than} of 10 ms: nothing new in any log), then over a
 * window in which every poll finds something (a KEYS logged on one node before each poll). Prints calls per poll by operation and what that makes per minute at the default 30 s
 * interval. Lease renewals are not part of it (they are counted by the leases' bench).
 *
 * <pre>./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.cachewatch.bench.StateStoreCallsBench [-Dexec.args="NODES SECONDS"]</pre>
 */
public final class StateStoreCallsBench {
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(500)).build();
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private StateStoreCallsBench() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path dir = Files.createTempDirectory("state-bench");
        try (MotoServer moto = MotoServer.start(); CloudWatchBridge bridge = CloudWatchBridge.start(moto.endpoint());
             RedisServers redis = new RedisServers(); DynamoDbClient dynamoDb = MotoClients.dynamoDb(moto.endpoint());
             io.cachewatch.testing.SnsQueue slack = new io.cachewatch.testing.SnsQueue(moto.endpoint(), "bench")) {
            StateTables.create(dynamoDb, "cachewatch-state");
            Map<String, String> overrides = new LinkedHashMap<>();
            Map<String, RedisServers.Server> servers = new LinkedHashMap<>();
            try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
                for (int i = 0; i < nodes; i++) {
                    String id = "bench" + i;
                    fleet.redisSingleNode(id, "cache.t3.micro");
                    // Redis' default threshold (10 ms): at rest nothing is logged, cachewatch's own commands included
                    RedisServers.Server server = redis.start("--slowlog-log-slower-than", "10000");
                    servers.put(id, server);
                    overrides.put(id, server.address());
                }
            }
            Path config = SlowlogConfig.write(dir, slack.topicArn(), overrides, "interval: " + INTERVAL.toSeconds() + "s", "suppress-for: 0s");
            int port = MotoServer.freePort();
            CachewatchJar.Running serve = CachewatchJar.packaged().against(moto, bridge)
                    .env("QUARKUS_HTTP_PORT", Integer.toString(port)).env("QUARKUS_CONFIG_LOCATIONS", config.toString())
                    .env("CACHEWATCH_SERVE_FIRST_RUN_DELAY", "0s").env("CACHEWATCH_SERVE_RECONCILE_INTERVAL", "1h")
                    .env("CACHEWATCH_STATE_STORE", "dynamodb").env("CACHEWATCH_STATE_TABLE", "cachewatch-state")
                    .start("serve");
            try {
                URI metrics = URI.create("http://127.0.0.1:" + port + "/q/metrics");
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (polled(metrics) < 3) {
                    if (System.nanoTime() > deadline || !serve.process().isAlive()) {
                        throw new IllegalStateException("serve did not poll: " + serve.stderr());
                    }
                    Thread.sleep(200);
                }
                System.out.printf("one target, %d nodes (%d clusters), slow-log polls every %d s, %d s per window%n", nodes, nodes,
                        INTERVAL.toSeconds(), seconds);
                window("at rest", metrics, seconds, null);
                RedisServers.Server busy = servers.values().iterator().next();
                window("a finding every poll", metrics, seconds, () -> {
                    // a KEYS logged on one node: its threshold at 0 for that command only
                    busy.cli("CONFIG", "SET", "slowlog-log-slower-than", "0");
                    busy.cli("KEYS", "bench" + System.nanoTime() + ":*");
                    busy.cli("CONFIG", "SET", "slowlog-log-slower-than", "10000");
                });
            } finally {
                serve.terminate(Duration.ofSeconds(30));
            }
        }
    }

    private static void window(String label, URI metrics, int seconds, Runnable eachPoll) throws Exception {
        String before = scrape(metrics);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < end) {
            if (eachPoll != null) {
                eachPoll.run();
            }
            Thread.sleep(INTERVAL.toMillis());
        }
        String after = scrape(metrics);
        double polls = value(after, "cachewatch_slowlog_polls_total", "target=\"default\"") - value(before, "cachewatch_slowlog_polls_total", "target=\"default\"");
        double published = value(after, "cachewatch_slowlog_publishes_total", "target=\"default\"") - value(before, "cachewatch_slowlog_publishes_total", "target=\"default\"");
        System.out.printf("%s: %.0f polls, %.0f messages published%n", label, polls, published);
        for (String op : new String[] {"Query", "TransactWriteItems"}) {
            String[] labels = {"service=\"DynamoDb\"", "operation=\"" + op + "\""};
            double calls = value(after, "cachewatch_aws_calls_total", labels) - value(before, "cachewatch_aws_calls_total", labels);
            System.out.printf("  %-18s %6.0f calls, %.2f per poll, %.1f per minute at the default 30 s interval%n", op, calls,
                    calls / polls, calls / polls * 2);
        }
    }

    /** Polls done so far; 0 until serve answers. */
    private static double polled(URI metrics) {
        try {
            return value(scrape(metrics), "cachewatch_slowlog_polls_total", "outcome=\"ok\"");
        } catch (Exception e) {
            return 0;
        }
    }

    private static String scrape(URI uri) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private static double value(String metrics, String name, String... labels) {
        Matcher m = SAMPLE.matcher(metrics);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).equals(name) && java.util.Arrays.stream(labels).allMatch(m.group(2)::contains)) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }
}
