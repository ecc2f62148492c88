package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.testing.StateTables;
import io.cachewatch.testing.AwsOperationsLog;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoClients;
import io.cachewatch.testing.MotoServer;
import io.cachewatch.testing.RedisServers;
import io.cachewatch.testing.SnsQueue;
import io.cachewatch.testing.TcpProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Two {@code serve} processes (the packaged jar) sharing their targets through leases in one DynamoDB table (moto),
 * with the CloudWatch bridge, SNS → SQS and real redis-server nodes. Waits are condition-based.
 */
class ServeLeasesIT {
    private static final String TABLE = "cachewatch-state";
    private static final StaticCredentialsProvider TEST = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    /** Six targets, one region each: the empty regions make cheap reconciles, us-east-1 holds the clusters. */
    private static final Map<String, String> SIX = new LinkedHashMap<>();

    static {
        SIX.put("east1", "us-east-1");
        SIX.put("east2", "us-east-2");
        SIX.put("west1", "us-west-1");
        SIX.put("west2", "us-west-2");
        SIX.put("ireland", "eu-west-1");
        SIX.put("frankfurt", "eu-central-1");
    }
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Calls to the table are limited to a third of the lease: 2 s, room for moto on a loaded machine. */
    private static final Map<String, String> SHORT_LEASE = Map.of("CACHEWATCH_LEASE_DURATION", "6s", "CACHEWATCH_LEASE_CHECK_INTERVAL", "500ms");

    private static MotoServer moto;
    private static CloudWatchBridge bridge;
    private static RedisServers redis;
    private final HttpClient http = io.cachewatch.testing.BoundedHttp.client();
    private final List<Task> tasks = new ArrayList<>();
    /** Tasks the test killed with SIGKILL: their exit 137 is expected. */
    private final Set<String> killed = new HashSet<>();

    private record Task(String id, int port, CachewatchJar.Running process) {
    }

    @BeforeAll
    static void startServers() {
        moto = MotoServer.start();
        bridge = CloudWatchBridge.start(moto.endpoint());
        redis = new RedisServers();
    }

    @AfterAll
    static void stopServers() {
        redis.close();
        bridge.close();
        moto.close();
    }

    @BeforeEach
    void fresh() {
        moto.reset();
        bridge.reset();
        try (DynamoDbClient ddb = MotoClients.dynamoDb(moto.endpoint())) {
            StateTables.create(ddb, TABLE);
        }
    }

    @AfterEach
    void stop() {
        tasks.stream().filter(t -> t.process().process().isAlive()).forEach(t -> t.process().terminate(Duration.ofSeconds(30)));
    }

    /**
     * Two tasks, six targets: three each, and each target is reconciled by its holder only. SIGTERM to one: the other
     * holds all six well before the leases (60 s) could have lapsed, since they were handed back.
     */
    @Test
    void twoTasksSplitSixTargetsEvenlyAndSigtermHandsThemOverAtOnce(@TempDir Path dir) throws Exception {
        Path config = config(dir, SIX, "", "");
        Task a = start("a", config, dir, Map.of("CACHEWATCH_LEASE_DURATION", "60s", "CACHEWATCH_LEASE_CHECK_INTERVAL", "500ms"));
        Task b = start("b", config, dir, Map.of("CACHEWATCH_LEASE_DURATION", "60s", "CACHEWATCH_LEASE_CHECK_INTERVAL", "500ms"));
        await(Duration.ofSeconds(120), () -> held(a).size() == 3 && held(b).size() == 3);
        Set<String> all = new HashSet<>(held(a));
        all.addAll(held(b));
        assertThat(all).containsExactlyInAnyOrderElementsOf(SIX.keySet());
        assertThat(status(a).at("/leases/liveTasks").asInt()).isEqualTo(2);
        // b's view of the holders is from its last round, which may precede a's last take
        String ofATarget = held(a).get(0);
        await(Duration.ofSeconds(30), () -> status(b).at("/leases/holders/" + ofATarget).asText().equals("a"));
        String metrics = get(a, "/q/metrics").body();
        AwsOperationsLog.fromMetrics(metrics); // the lease table's calls, for the IAM policy check
        assertThat(ServeIT.counter(metrics, "cachewatch_aws_calls_total", "target=\"(state table)\"", "operation=\"UpdateItem\"")).isPositive();
        for (String target : SIX.keySet()) {
            assertThat(ServeIT.counter(metrics, "cachewatch_lease_held", "target=\"" + target + "\"")).isEqualTo(held(a).contains(target) ? 1 : 0);
        }

        // each target is worked by exactly one task: once every target ran again on its holder, the other ran none of them
        Map<String, Double> before = new LinkedHashMap<>();
        for (Task t : List.of(a, b)) {
            String m = get(t, "/q/metrics").body();
            SIX.keySet().forEach(target -> before.put(t.id() + "/" + target, runs(m, target)));
        }
        List<String> ofA = held(a);
        List<String> ofB = held(b);
        await(Duration.ofSeconds(120), () -> ofA.stream().allMatch(t -> runs(get(a, "/q/metrics").body(), t) > before.get("a/" + t))
                && ofB.stream().allMatch(t -> runs(get(b, "/q/metrics").body(), t) > before.get("b/" + t)));
        String ma = get(a, "/q/metrics").body();
        String mb = get(b, "/q/metrics").body();
        ofB.forEach(t -> assertThat(runs(ma, t)).as("a ran %s, held by b", t).isEqualTo(before.get("a/" + t)));
        ofA.forEach(t -> assertThat(runs(mb, t)).as("b ran %s, held by a", t).isEqualTo(before.get("b/" + t)));
        assertThat(held(a)).isEqualTo(ofA);

        long sigterm = System.nanoTime();
        a.process().process().destroy();
        await(Duration.ofSeconds(30), () -> held(b).size() == 6);
        long tookMillis = Duration.ofNanos(System.nanoTime() - sigterm).toMillis();
        assertThat(a.process().process().waitFor() == 0 || !a.process().process().isAlive()).isTrue();
        assertThat(a.process().stderr()).contains("task a handed back");
        assertThat(b.process().stderr()).contains("(from another task: ");
        assertThat(ServeIT.counter(get(b, "/q/metrics").body(), "cachewatch_lease_takeovers_total")).isGreaterThanOrEqualTo(3);
        System.out.printf("takeover after SIGTERM: %d ms (lease duration 60 s, check interval 500 ms)%n", tookMillis);
    }

    /**
     * DynamoDB cut off from both tasks: readiness goes down naming the lease table, no alarm is written and nothing is
     * published while it is down (a deleted alarm stays deleted, a slow command stays unsent); once DynamoDB answers
     * again, both resume on their own.
     */
    @Test
    void whileDynamoDbCannotBeReachedNoAlarmWriteAndNoPublishHappenThenBothResume(@TempDir Path dir) throws Exception {
        RedisServers.Server orders = ordersNode();
        SnsQueue slack = new SnsQueue(moto.endpoint(), "findings");
        try (TcpProxy dynamoDb = new TcpProxy(moto.endpoint())) {
            Path config = ordersConfig(dir, orders, slack);
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                    "CACHEWATCH_LEASE_DURATION", "3s", "CACHEWATCH_LEASE_CHECK_INTERVAL", "250ms", "CACHEWATCH_AWS_MAX_ATTEMPTS", "1",
                    "CACHEWATCH_SERVE_SLOWLOG_ENABLED", "true");
            Task a = start("a", config, dir, env);
            Task b = start("b", config, dir, env);
            await(Duration.ofSeconds(120), () -> held(a).size() == 1 && held(b).size() == 1);
            Task east = held(a).contains("east1") ? a : b;
            await(Duration.ofSeconds(120), () -> alarmNames().size() > 0 && get(east, "/q/health/ready").statusCode() == 200
                    && status(east).toString().contains("\"nodesRead\":1"));
            orders.cli("KEYS", "before:*");
            await(Duration.ofSeconds(120), () -> slack.receive().stream().anyMatch(m -> m.body().contains("before:")));
            // each task's first audit announces its target's failing results: let both audits end and empty the queue,
            // so that whatever arrives after the cut was published after it
            for (Task t : List.of(a, b)) {
                await(Duration.ofSeconds(120), () -> ServeIT.counter(get(t, "/q/metrics").body(), "cachewatch_audit_runs_total") >= 1);
            }
            slack.drain(0);

            dynamoDb.cut();
            for (Task t : List.of(a, b)) {
                // a poll's state write may fail (and readiness go down for it) before the lease round sees the cut
                await(Duration.ofSeconds(60), () -> get(t, "/q/health/ready").statusCode() == 503
                        && get(t, "/q/health/ready").body().contains("lease table cachewatch-state unreachable since"));
                assertThat(held(t)).isEmpty();
            }
            String deleted = alarmNames().get(0);
            deleteAlarm(deleted);
            orders.cli("KEYS", "during:*");
            // a slow command and a missing alarm: what a working task would act on within a second or two (slow-log
            // interval 1 s, reconcile every 1 s); give both tasks several of those rounds, all skipped
            double polls = ServeIT.counter(get(east, "/q/metrics").body(), "cachewatch_slowlog_polls_total");
            double runs = ServeIT.counter(get(east, "/q/metrics").body(), "cachewatch_reconcile_runs_total");
            Thread.sleep(5_000);
            assertThat(slack.drain(0)).as("published while DynamoDB was down").isEmpty();
            assertThat(alarmNames()).as("alarm written while DynamoDB was down").doesNotContain(deleted);
            assertThat(ServeIT.counter(get(east, "/q/metrics").body(), "cachewatch_slowlog_polls_total")).isEqualTo(polls);
            assertThat(ServeIT.counter(get(east, "/q/metrics").body(), "cachewatch_reconcile_runs_total")).isEqualTo(runs);

            dynamoDb.restore();
            for (Task t : List.of(a, b)) {
                await(Duration.ofSeconds(120), () -> get(t, "/q/health/ready").statusCode() == 200);
            }
            await(Duration.ofSeconds(120), () -> alarmNames().contains(deleted));
            await(Duration.ofSeconds(120), () -> slack.receive().stream().anyMatch(m -> m.body().contains("during:")));
            assertThat(a.process().stderr() + b.process().stderr()).contains("lease table cachewatch-state reachable again");
        } finally {
            slack.close();
        }
    }

    /**
     * kill -9 the holder of the target with the slow-logging node while it polls every second: the other task takes
     * the target once its lease lapses (fence raised) and a slow command that arrives after the kill reaches the
     * queue, and every finding reaches it exactly once: the new holder works from the cursors and outbox in the table.
     */
    @Test
    void killTheHolderAndTheOtherTakesItsTargetOverOnceTheLeaseLapsesSendingEveryFindingOnce(@TempDir Path dir) throws Exception {
        RedisServers.Server orders = ordersNode();
        SnsQueue slack = new SnsQueue(moto.endpoint(), "findings");
        try {
            Path config = ordersConfig(dir, orders, slack);
            Task a = start("a", config, dir, SHORT_LEASE);
            Task b = start("b", config, dir, SHORT_LEASE);
            List<String> received = new ArrayList<>();
            orders.cli("KEYS", "before:*");
            // whoever holds east1 reads the node and publishes (on a loaded machine the leases may move before that)
            await(Duration.ofSeconds(120), () -> receive(slack, received).stream().anyMatch(body -> body.contains("before:")));
            await(Duration.ofSeconds(120), () -> held(a).size() == 1 && held(b).size() == 1);
            Task holder = held(a).contains("east1") ? a : b;
            Task other = holder == a ? b : a;
            long fenceBefore = fence("east1");

            long killedAt = System.nanoTime();
            killed.add(holder.id());
            holder.process().process().destroyForcibly().waitFor();
            orders.cli("KEYS", "after:*");
            await(Duration.ofSeconds(60), () -> held(other).size() == 2);
            long tookMillis = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
            assertThat(fence("east1")).as("the takeover raised the fence").isGreaterThan(fenceBefore);
            assertThat(other.process().stderr()).contains("(from another task: [");
            await(Duration.ofSeconds(120), () -> receive(slack, received).stream().anyMatch(body -> body.contains("after:")));
            // the new holder reads the cursors and the outbox from the state table: nothing is sent twice
            slack.drain(0).forEach(m -> received.add(m.body()));
            assertThat(received.stream().filter(body -> body.contains("before:")).count()).as("%s", received).isEqualTo(1);
            assertThat(received.stream().filter(body -> body.contains("after:")).count()).as("%s", received).isEqualTo(1);
            System.out.printf("takeover after kill -9: %d ms (lease 6 s, check interval 500 ms)%n", tookMillis);
        } finally {
            slack.close();
        }
    }

    /**
     * Restart both: two tasks work the targets, a slow command's finding and the audit's announcements reach the queue;
     * SIGTERM to both, both started again: once they hold every target again and the holder of the slow-logging
     * node's target has polled it at least twice and audited it again, nothing has been sent a second time (the
     * cursors and the notified results are in the table).
     */
    @Test
    void restartBothAndNothingIsSentAgain(@TempDir Path dir) throws Exception {
        RedisServers.Server orders = ordersNode();
        SnsQueue slack = new SnsQueue(moto.endpoint(), "findings");
        try {
            Path config = ordersConfig(dir, orders, slack);
            Task a = start("a", config, dir, SHORT_LEASE);
            Task b = start("b", config, dir, SHORT_LEASE);
            List<String> received = new ArrayList<>();
            orders.cli("KEYS", "before:*");
            await(Duration.ofSeconds(120), () -> receive(slack, received).stream().anyMatch(body -> body.contains("before:")));
            await(Duration.ofSeconds(120), () -> held(a).size() == 1 && held(b).size() == 1);
            Task east = held(a).contains("east1") ? a : b;
            // the holder's audit of east1 announced and recorded what it found
            await(Duration.ofSeconds(120), () -> audited(east, "east1"));
            slack.drain(0).forEach(m -> received.add(m.body()));
            assertThat(received.stream().filter(body -> body.contains("before:")).count()).as("%s", received).isEqualTo(1);

            for (Task t : List.of(a, b)) {
                t.process().process().destroy();
            }
            for (Task t : List.of(a, b)) {
                assertThat(t.process().process().waitFor()).as("exit of %s: %s", t.id(), t.process().stderr()).isZero();
            }
            Task a2 = start("a", config, dir, SHORT_LEASE);
            Task b2 = start("b", config, dir, SHORT_LEASE);
            await(Duration.ofSeconds(120), () -> held(a2).size() == 1 && held(b2).size() == 1);
            Task east2 = held(a2).contains("east1") ? a2 : b2;
            await(Duration.ofSeconds(120), () -> ServeIT.counter(get(east2, "/q/metrics").body(), "cachewatch_slowlog_polls_total",
                    "target=\"east1\"", "outcome=\"ok\"") >= 2 && audited(east2, "east1") && status(east2).toString().contains("\"nodesRead\":1"));
            List<String> again = slack.drain(0).stream().map(m -> m.body()).toList();
            assertThat(again).as("sent again after both restarted (before: %s)", received).isEmpty();
        } finally {
            slack.close();
        }
    }

    /** Whether the task has audited the target at least once since it started. */
    private boolean audited(Task t, String target) {
        for (JsonNode n : status(t).path("targets")) {
            if (n.path("name").asText().equals(target)) {
                return n.path("audit").hasNonNull("lastAudit");
            }
        }
        return false;
    }

    /** Cluster orders (one node) in us-east-1 of moto, served by a real redis-server; returns the server. */
    private static RedisServers.Server ordersNode() {
        try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            fleet.redisSingleNode("orders", "cache.t3.micro");
        }
        return redis.start();
    }

    /** Targets east1 (orders, its slow log read every second) and west2 (empty); findings to {@code slack}. */
    private static Path ordersConfig(Path dir, RedisServers.Server orders, SnsQueue slack) throws IOException {
        return config(dir, Map.of("east1", "us-east-1", "west2", "us-west-2"), "    interval: 1s\n    endpoint-overrides:\n      orders: redis://"
                + orders.address() + "\n", "  notify:\n    default-topic: " + slack.topicArn() + "\n");
    }

    /** One receive from the queue, every body kept in {@code all}; returns this receive's bodies. */
    private static List<String> receive(SnsQueue queue, List<String> all) {
        List<String> bodies = queue.receive().stream().map(m -> m.body()).toList();
        all.addAll(bodies);
        return bodies;
    }

    private static long fence(String target) {
        try (DynamoDbClient ddb = MotoClients.dynamoDb(moto.endpoint())) {
            return Long.parseLong(ddb.getItem(b -> b.tableName(TABLE).consistentRead(true).key(Map.of(
                    "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder().s("lease#" + target).build(),
                    "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder().s("lease").build())))
                    .item().get("fence").n());
        }
    }

    /** Lease settings that cannot work stop serve at start with exit 64, naming the setting. */
    @Test
    void unusableStoreAndLeaseSettingsExit64(@TempDir Path dir) throws Exception {
        assertExit64(dir, "  state:\n    store: s3\n", "cachewatch.state.store=s3: expected file");
        assertExit64(dir, "  state:\n    store: dynamodb\n", "cachewatch.state.table is not set");
        assertExit64(dir, "  state:\n    store: dynamodb\n    table: cachewatch-state\n  lease:\n    duration: 3s\n    check-interval: 2s\n",
                "cachewatch.lease.check-interval=PT2S: expected at most a third of cachewatch.lease.duration=PT3S");
        assertExit64(dir, "  state:\n    store: dynamodb\n    table: cachewatch-state\n  lease:\n    duration: 500ms\n", "cachewatch.lease.duration=500ms");
    }

    private void assertExit64(Path dir, String yaml, String message) throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "cachewatch:\n" + yaml);
        CachewatchJar.Result result = CachewatchJar.packaged().against(moto, bridge).env("QUARKUS_CONFIG_LOCATIONS", config.toString())
                .env("QUARKUS_HTTP_PORT", Integer.toString(MotoServer.freePort())).run("serve");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(64);
        assertThat(result.stderr()).contains(message);
    }

    private static double runs(String metrics, String target) {
        return ServeIT.counter(metrics, "cachewatch_reconcile_runs_total", "target=\"" + target + "\"");
    }

    /** {@code targets} with one region each; {@code slowlog} lines under cachewatch.slowlog, {@code extra} under cachewatch. */
    private static Path config(Path dir, Map<String, String> targets, String slowlog, String extra) throws IOException {
        StringBuilder yaml = new StringBuilder("cachewatch:\n  state:\n    store: dynamodb\n    table: " + TABLE + "\n    region: us-east-1\n  targets:\n");
        targets.forEach((name, region) -> yaml.append("    - name: ").append(name).append("\n      regions: [").append(region).append("]\n"));
        yaml.append("  slowlog:\n").append(slowlog.isEmpty() ? "    interval: 1s\n" : slowlog).append(extra);
        Path file = dir.resolve("application.yaml");
        Files.writeString(file, yaml.toString());
        return file;
    }

    private Task start(String id, Path config, Path dir, Map<String, String> env) throws IOException {
        int port = MotoServer.freePort();
        CachewatchJar jar = CachewatchJar.packaged().against(moto, bridge)
                .env("QUARKUS_CONFIG_LOCATIONS", config.toString())
                .env("QUARKUS_HTTP_PORT", Integer.toString(port))
                .env("CACHEWATCH_LEASE_TASK_ID", id)
                .env("CACHEWATCH_SERVE_FIRST_RUN_DELAY", "100ms")
                .env("CACHEWATCH_SERVE_RECONCILE_INTERVAL", "1s")
                .env("CACHEWATCH_SERVE_STOP_TIMEOUT", "10s")
                .env("CACHEWATCH_SLOWLOG_STATE_FILE", dir.resolve(id + "/slowlog.json").toString());
        env.forEach(jar::env);
        Task task = new Task(id, port, jar.start("serve"));
        tasks.add(task);
        return task;
    }

    private List<String> held(Task t) {
        List<String> held = new ArrayList<>();
        status(t).at("/leases/held").forEach(n -> held.add(n.asText()));
        return held;
    }

    private JsonNode status(Task t) {
        try {
            return JSON.readTree(get(t, "/status.json").body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(Task t, String path) {
        return io.cachewatch.testing.BoundedHttp.send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.port() + path))
                .timeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(10));
    }

    private static CloudWatchClient cloudWatch() {
        return CloudWatchClient.builder().endpointOverride(bridge.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(TEST).httpClient(ApacheHttpClient.create()).build();
    }

    private static List<String> alarmNames() {
        try (CloudWatchClient cw = cloudWatch()) {
            return cw.describeAlarmsPaginator(b -> b.maxRecords(100)).metricAlarms().stream().map(a -> a.alarmName()).sorted().toList();
        }
    }

    private static void deleteAlarm(String name) {
        try (CloudWatchClient cw = cloudWatch()) {
            cw.deleteAlarms(b -> b.alarmNames(name));
        }
    }

    private void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e; // not up yet
            }
            for (Task t : tasks) {
                if (!killed.contains(t.id()) && !t.process().process().isAlive() && t.process().process().exitValue() != 0) {
                    throw new AssertionError("serve " + t.id() + " exited " + t.process().process().exitValue() + ": " + t.process().stderr());
                }
            }
            Thread.sleep(250);
        }
        StringBuilder logs = new StringBuilder();
        tasks.forEach(t -> logs.append("\n--- ").append(t.id()).append(":\n").append(t.process().stderr()));
        throw new AssertionError("condition not met in " + timeout + (last == null ? "" : " (last error: " + last + ")") + logs);
    }
}
