package io.cachewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.RedisServers;
import io.cachewatch.testing.SlowlogConfig;
import io.cachewatch.testing.SlowlogTestBase;
import io.cachewatch.testing.SnsQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The slow-log pipeline end to end: the packaged jar discovers clusters in moto, reads real redis-server nodes (a
 * primary with a replica, a 3+3 cluster, a stopped node) through endpoint overrides, and publishes to an SNS topic in
 * moto that an SQS queue is subscribed to (raw delivery off, so the SNS envelope and its MessageAttributes arrive).
 */
class SlowlogCliIT extends SlowlogTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "secret-value-4711";


    @Test
    void publishesOneChatbotMessagePerFindingOnceWithoutValuesAndReportsABrokenNode(@TempDir Path dir) throws Exception {
        RedisServers.Server primary = servers.start();
        servers.start("--replicaof", "127.0.0.1", Integer.toString(primary.port()));
        List<RedisServers.Server> feed = servers.startCluster();
        RedisServers.Server solo = servers.start();
        solo.stop();
        try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            fleet.redisWithReplicas("orders", 1, "cache.r6g.large", "production");
            fleet.valkeyClusterMode("feed", 3, 1, "cache.r7g.xlarge");
            fleet.redisSingleNode("solo", "cache.t3.micro");
        }
        SnsQueue slack = new SnsQueue(moto.endpoint(), "slowlog");
        String topic = slack.topicArn();

        primary.cli("SET", "user:42:session", SECRET);
        primary.cli("HGETALL", "profile:1001");
        primary.cli("KEYS", "session:*");
        primary.cli("ECHO", SECRET);
        primary.cli("PING");
        feed.get(0).cli("KEYS", "feed:*");

        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("orders", primary.address());
        overrides.put("feed", feed.get(0).address());
        overrides.put("solo", solo.address());
        Path config = SlowlogConfig.write(dir, topic, overrides, "worse-factor: 1000",
                "ignore-commands: REPLCONF,PSYNC,SYNC,PING"); // a primary pings its replicas every 10 s
        CachewatchJar cachewatch = jar(config);

        CachewatchJar.Result first = cachewatch.run("slowlog", "--once", "--output", "json", "--cluster", "orders", "--cluster", "feed", "--cluster", "solo");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(first.stdout());
        assertThat(report.at("/failures")).singleElement().satisfies(f -> {
            assertThat(f.get("cluster").asText()).isEqualTo("solo");
            assertThat(f.get("reason").asText()).startsWith("connection refused");
        });
        assertThat(report.at("/summary/nodesRead").asInt()).isEqualTo(2 + 6);
        assertThat(first.stdout() + first.stderr()).doesNotContain(SECRET);

        List<Message> messages = slack.drain(report.at("/summary/published").asInt());
        assertThat(messages).hasSize(report.at("/findings").size());
        List<String> kinds = new ArrayList<>();
        for (Message m : messages) {
            assertThat(m.body()).doesNotContain(SECRET);
            JsonNode envelope = JSON.readTree(m.body());
            assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
            JsonNode attributes = envelope.get("MessageAttributes");
            // what cachewatch wrote (the message, its subject and attributes; not SNS's random ids and signature)
            // carries no fragment of the value either
            assertThat(envelope.path("Message").asText() + envelope.path("Subject").asText() + attributes).doesNotContain("4711");
            JsonNode chatbot = JSON.readTree(envelope.get("Message").asText());
            assertThat(chatbot.get("version").asText()).isEqualTo("1.0");
            assertThat(chatbot.get("source").asText()).isEqualTo("custom");
            assertThat(chatbot.at("/content/textType").asText()).isEqualTo("client-markdown");
            assertThat(chatbot.at("/content/nextSteps").size()).isPositive();
            String cluster = attributes.at("/cluster/Value").asText();
            assertThat(cluster).isIn("orders", "feed");
            assertThat(chatbot.at("/metadata/threadId").asText()).isEqualTo("cachewatch-slowlog/us-east-1/elasticache/" + cluster);
            assertThat(chatbot.at("/content/title").asText()).contains(cluster);
            assertThat(attributes.at("/region/Value").asText()).isEqualTo("us-east-1");
            assertThat(attributes.at("/engine/Value").asText()).isEqualTo(cluster.equals("orders") ? "redis" : "valkey");
            assertThat(attributes.at("/severity/Value").asText()).isIn("info", "warning", "critical");
            kinds.add(cluster + "/" + attributes.at("/kind/Value").asText());
            if (kinds.get(kinds.size() - 1).equals("orders/keys")) {
                assertThat(chatbot.at("/content/description").asText()).contains("| `KEYS session:*` | 1 |").contains("(unnamed) @ 127.0.0.1");
                assertThat(chatbot.at("/content/nextSteps/0").asText()).contains("Replace KEYS with SCAN");
                assertThat(attributes.at("/severity/Value").asText()).isEqualTo("warning");
            }
            if (kinds.get(kinds.size() - 1).equals("orders/slow")) {
                assertThat(chatbot.at("/content/description").asText()).contains("`SET user:{n}:session`").contains("`ECHO`");
            }
        }
        assertThat(kinds).contains("orders/keys", "orders/full-read", "orders/slow", "feed/keys");

        CachewatchJar.Result second = cachewatch.run("slowlog", "--once", "--output", "json", "--cluster", "orders", "--cluster", "feed");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(JSON.readTree(second.stdout()).at("/findings").size()).as(second.stdout()).isZero();
        assertThat(slack.drain(0)).isEmpty();

        primary.cli("KEYS", "session:*");
        CachewatchJar.Result third = cachewatch.run("slowlog", "--once", "--output", "json", "--cluster", "orders");
        JsonNode thirdReport = JSON.readTree(third.stdout());
        List<String> statuses = new ArrayList<>();
        thirdReport.at("/findings").forEach(f -> statuses.add(f.get("kind").asText() + "=" + f.get("status").asText()));
        assertThat(statuses).as(third.toString()).contains("keys=suppressed");
        for (Message m : slack.drain(thirdReport.at("/summary/published").asInt())) {
            assertThat(JSON.readTree(m.body()).at("/MessageAttributes/kind/Value").asText()).isNotEqualTo("keys");
        }
        slack.close();
    }

    /** The packaged jar against moto and the bridge, ElastiCache discovery only, with this configuration file. */
    private static CachewatchJar jar(Path config) {
        return CachewatchJar.packaged()
                .env("AWS_ENDPOINT_URL", moto.endpoint().toString()).env("AWS_REGION", "us-east-1")
                .env("AWS_ENDPOINT_URL_CLOUDWATCH", bridge.endpoint().toString())
                .env("AWS_ACCESS_KEY_ID", "test").env("AWS_SECRET_ACCESS_KEY", "test")
                .env("CACHEWATCH_DISCOVERY_KINDS", "elasticache").env("QUARKUS_CONFIG_LOCATIONS", config.toString());
    }

    /**
     * Key and client names are untrusted: a key full of Slack markup, terminal escapes and a line break, and a client
     * named {@code svc-<!channel>}, from a real redis-server through the packaged jar, reach the terminal shown (not
     * interpreted, one entry per line), the JSON report exactly (escaped by JSON), and Slack, as the SNS message read
     * back from SQS, inert.
     */
    @Test
    void hostileKeyAndClientNamesReachTheTerminalAndSlackInert(@TempDir Path dir) throws Exception {
        RedisServers.Server node = servers.start();
        try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            fleet.redisSingleNode("hostile", "cache.t3.micro");
        }
        SnsQueue slack = new SnsQueue(moto.endpoint(), "hostile");
        // (a user mention <@U…> in a key becomes {email} in its pattern; ChatbotMessagesTest covers it in a pattern)
        node.cliScript("CLIENT SETNAME svc-<!channel>\n"
                + "GET \"<!channel> <!here> <https://evil.example|click> & `x`\"\n"
                + "GET \"ansi:\\x1b[2J\\x1b]0;pwned\\x07\"\n"
                + "GET \"line\\nWARNING forged report line\"\n");
        Path config = SlowlogConfig.write(dir, slack.topicArn(), Map.of("hostile", node.address()),
                "ignore-commands: REPLCONF,PSYNC,SYNC,PING,CLIENT");
        CachewatchJar cachewatch = jar(config);

        CachewatchJar.Result text = cachewatch.run("slowlog", "--once", "--dry-run", "--cluster", "hostile");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout().chars().filter(c -> c < 0x20 && c != '\n').count()).as("no control character reaches the terminal").isZero();
        assertThat(text.stdout()).contains("GET ansi:\\e[{n}J\\e]{n};pwned\\a", "GET line\\nWARNING forged report line",
                "GET <!channel> <!here> <https://evil.example|click> & `x`", "svc-<!channel> @ 127.0.0.1");
        assertThat(text.stdout().lines()).as("a key cannot start a line of the report").noneMatch(l -> l.startsWith("WARNING forged"));

        CachewatchJar.Result json = cachewatch.run("slowlog", "--once", "--output", "json", "--cluster", "hostile");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.stdout().chars().filter(c -> c < 0x20 && c != '\n').count()).isZero();
        JsonNode report = JSON.readTree(json.stdout());
        List<String> patterns = new ArrayList<>();
        report.at("/findings").forEach(f -> f.get("patterns").forEach(p -> patterns.add(p.get("keyPattern").asText())));
        assertThat(patterns).as("JSON carries the exact text").contains("ansi:\u001b[{n}J\u001b]{n};pwned\u0007",
                "line\nWARNING forged report line");

        List<Message> messages = slack.drain(report.at("/summary/published").asInt());
        assertThat(messages).isNotEmpty();
        String descriptions = "";
        for (Message m : messages) {
            JsonNode chatbot = JSON.readTree(JSON.readTree(m.body()).get("Message").asText());
            String everything = chatbot.toString() + chatbot.at("/content/description").asText() + chatbot.at("/content/title").asText();
            assertThat(everything).doesNotContain("<!channel>").doesNotContain("<!here>")
                    .doesNotContain("<https://").doesNotContain("\u001b").doesNotContain("\u0007");
            descriptions += chatbot.at("/content/description").asText();
        }
        assertThat(descriptions).contains("`GET &lt;!channel&gt; &lt;!here&gt; &lt;https://evil.example¦click&gt; &amp; 'x'`",
                "`GET ansi:\\e[{n}J\\e]{n};pwned\\a`", "`GET line\\nWARNING forged report line`", "`svc-&lt;!channel&gt; @ 127.0.0.1`");
        assertThat(descriptions.lines()).noneMatch(l -> l.startsWith("WARNING forged"));
        slack.close();
    }

    /**
     * Without --once: several polls over one process, entries logged between polls reported by the next poll and
     * never again (in the output and in SNS), and SIGTERM ends it with exit 0.
     */
    @Test
    void pollingReportsEntriesLoggedBetweenPollsOnceAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        RedisServers.Server server = servers.start();
        try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            fleet.redisSingleNode("polled", "cache.t3.micro");
        }
        SnsQueue slack = new SnsQueue(moto.endpoint(), "polled");
        String topic = slack.topicArn();
        Path config = SlowlogConfig.write(dir, topic, Map.of("polled", server.address()), "interval: 1s");
        server.cli("KEYS", "alpha:*");
        CachewatchJar.Running polling = jar(config)
                .start("slowlog", "--output", "json", "--cluster", "polled");
        try {
            awaitPolls(polling, 1, reports -> patterns(reports).contains("KEYS alpha:*"));
            server.cli("HGETALL", "profile:1001");
            awaitPolls(polling, 1, reports -> patterns(reports).contains("HGETALL profile:{n}"));
            server.cli("KEYS", "beta:*");
            int before = reports(polling).size();
            // the entry and a few idle polls after it, so a repeat would have had its chance
            awaitPolls(polling, before + 3, reports -> patterns(reports).contains("KEYS beta:*"));
        } finally {
            int exit = polling.terminate(java.time.Duration.ofSeconds(30));
            assertThat(exit).as(polling.stderr()).isZero();
        }
        assertThat(polling.stderr()).contains("stopped");
        List<JsonNode> reports = reports(polling);
        assertThat(reports.size()).isGreaterThanOrEqualTo(5);
        List<String> reported = patterns(reports);
        for (String pattern : List.of("KEYS alpha:*", "HGETALL profile:{n}", "KEYS beta:*")) {
            assertThat(reported.stream().filter(pattern::equals).count()).as(pattern + " in " + reported).isEqualTo(1);
        }
        for (JsonNode r : reports) {
            assertThat(r.at("/summary/nodesFailed").asInt()).as(r.toString()).isZero();
        }
        int published = reports.stream().mapToInt(r -> r.at("/summary/published").asInt()).sum();
        assertThat(reports.stream().mapToInt(r -> r.at("/summary/pending").asInt()).sum()).isZero();
        List<Message> messages = slack.drain(published);
        // redis-cli's own COMMAND DOCS makes a "slow" finding per call, suppressed as a repeat unless it ran slower
        assertThat(messages).hasSize(published);
        List<String> kinds = new ArrayList<>();
        for (Message m : messages) {
            kinds.add(JSON.readTree(m.body()).at("/MessageAttributes/kind/Value").asText());
        }
        assertThat(kinds.stream().filter("keys"::equals).count()).as(kinds.toString()).isEqualTo(2);
        assertThat(kinds.stream().filter("full-read"::equals).count()).as(kinds.toString()).isEqualTo(1);
        slack.close();
    }

    /**
     * A cluster-mode cluster (3 primaries, 3 replicas) reached through an endpoint override: once its seed is killed
     * the other five nodes keep being read, poll after poll, and slow commands logged later on them are reported.
     */
    @Test
    void aClusterWhoseSeedDiesKeepsBeingReadThroughItsOtherNodes(@TempDir Path dir) throws Exception {
        List<RedisServers.Server> nodes = servers.startCluster();
        try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            fleet.valkeyClusterMode("seeded", 3, 1, "cache.r7g.large");
        }
        SnsQueue slack = new SnsQueue(moto.endpoint(), "seeded");
        Path config = SlowlogConfig.write(dir, slack.topicArn(), Map.of("seeded", nodes.get(0).address()), "interval: 1s");
        CachewatchJar.Running polling = jar(config).start("slowlog", "--output", "json", "--cluster", "seeded");
        try {
            awaitPolls(polling, 1, reports -> reports.get(reports.size() - 1).at("/summary/nodesRead").asInt() == 6);
            nodes.get(0).stop();
            int before = reports(polling).size();
            awaitPolls(polling, before + 2, reports -> reports.get(reports.size() - 1).at("/summary/nodesRead").asInt() == 5);
            nodes.get(4).cli("KEYS", "after-seed:*");
            awaitPolls(polling, 1, reports -> patterns(reports).contains("KEYS after-seed:*"));
            JsonNode last = reports(polling).get(reports(polling).size() - 1);
            assertThat(last.at("/summary/nodesRead").asInt()).as(last.toString()).isEqualTo(5);
            assertThat(last.at("/failures")).as(last.toString()).allSatisfy(f ->
                    assertThat(f.get("node").asText()).isEqualTo(nodes.get(0).address()));
        } finally {
            assertThat(polling.terminate(java.time.Duration.ofSeconds(30))).as(polling.stderr()).isZero();
        }
        assertThat(slack.drain(1)).extracting(m -> JSON.readTree(m.body()).at("/MessageAttributes/kind/Value").asText()).contains("keys");
        slack.close();
    }

    /** Every poll's JSON report printed so far, one per line. */
    private static List<JsonNode> reports(CachewatchJar.Running running) {
        List<JsonNode> reports = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(running.out())) {
                if (line.startsWith("{")) {
                    reports.add(JSON.readTree(line));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return reports;
    }

    /** "COMMAND keyPattern" of every finding of every report, one element per finding and pattern. */
    private static List<String> patterns(List<JsonNode> reports) {
        List<String> all = new ArrayList<>();
        reports.forEach(r -> r.at("/findings").forEach(f -> f.get("patterns").forEach(p ->
                all.add((p.get("command").asText() + " " + p.get("keyPattern").asText()).trim()))));
        return all;
    }

    /** Waits (generously: the machine may be loaded) until at least {@code polls} reports are out and the condition holds. */
    private static void awaitPolls(CachewatchJar.Running running, int polls, java.util.function.Predicate<List<JsonNode>> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            List<JsonNode> reports = reports(running);
            if (reports.size() >= polls && condition.test(reports)) {
                return;
            }
            if (!running.process().isAlive()) {
                throw new AssertionError("slowlog exited " + running.process().exitValue() + ": " + running.stderr());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not reported in time: " + reports(running) + "\n" + running.stderr());
    }
}
