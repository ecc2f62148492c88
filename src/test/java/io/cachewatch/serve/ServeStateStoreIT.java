package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.state.StateTable;
import io.cachewatch.testing.AwsOperationsLog;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoClients;
import io.cachewatch.testing.MotoServer;
import io.cachewatch.testing.RedisServers;
import io.cachewatch.testing.SlowlogConfig;
import io.cachewatch.testing.SnsQueue;
import io.cachewatch.testing.StateTables;
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
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code serve} with {@code cachewatch.state.store=dynamodb}: the packaged jar against moto (DynamoDB reached through a
 * proxy that can be cut, SNS → SQS) and a real redis-server. Suppression is off (0 s), so only the recorded cursors stand
 * between a restart and a repeated finding.
 */
class ServeStateStoreIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "cachewatch-state";
    private static MotoServer moto;
    private static CloudWatchBridge bridge;
    private static RedisServers redis;
    private final HttpClient http = io.cachewatch.testing.BoundedHttp.client();
    private CachewatchJar.Running serve;
    private int port;

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

    @Test
    void eachFindingIsSentOnceAcrossARestartAndNothingIsPublishedWhileTheTableCannotBeReached(@TempDir Path dir) throws Exception {
        try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            fleet.redisSingleNode("orders", "cache.t3.micro");
        }
        RedisServers.Server orders = redis.start();
        try (SnsQueue slack = new SnsQueue(moto.endpoint(), "slowlog"); TcpProxy table = new TcpProxy(moto.endpoint());
             DynamoDbClient dynamoDb = MotoClients.dynamoDb(moto.endpoint())) {
            StateTables.create(dynamoDb, TABLE);
            Path config = SlowlogConfig.write(dir, slack.topicArn(), Map.of("orders", orders.address()), "interval: 1s", "suppress-for: 0s");
            port = MotoServer.freePort();
            CachewatchJar cachewatch = CachewatchJar.packaged().against(moto, bridge)
                    .env("AWS_ENDPOINT_URL_DYNAMODB", table.endpoint().toString())
                    .env("QUARKUS_HTTP_PORT", Integer.toString(port))
                    .env("QUARKUS_CONFIG_LOCATIONS", config.toString())
                    .env("CACHEWATCH_SERVE_FIRST_RUN_DELAY", "100ms")
                    .env("CACHEWATCH_AWS_MAX_ATTEMPTS", "2")
                    .env("CACHEWATCH_STATE_STORE", "dynamodb")
                    .env("CACHEWATCH_STATE_TABLE", TABLE);

            serve = cachewatch.start("serve");
            await(() -> get("/status").body().contains("\"nodesRead\":1"));
            orders.cli("KEYS", "session:*");
            List<String> first = arrived(slack);
            assertThat(first).containsExactly("session");
            await(() -> metric("cachewatch_slowlog_polls_total", "outcome=\"ok\"") >= 3);
            assertThat(keysPatterns(slack.drain(0))).as("read again and again, sent once").isEmpty();
            List<String> kinds = items(dynamoDb).stream().map(i -> i.get(StateTable.SORT_KEY).s().replaceAll("#.*", "")).distinct().toList();
            assertThat(kinds).as("the state is in the table").contains("cursor").doesNotContain("pending");
            assertThat(Files.exists(dir.resolve("state.default.json"))).as("no state file with the dynamodb store").isFalse();
            assertThat(serve.terminate(Duration.ofSeconds(30))).as(serve.stderr()).isZero();

            orders.cli("KEYS", "restart:*"); // logged while no serve runs
            serve = cachewatch.start("serve");
            assertThat(arrived(slack)).as("after a restart: only what is new").containsExactly("restart");
            await(() -> metric("cachewatch_slowlog_polls_total", "outcome=\"ok\"") >= 3);
            assertThat(keysPatterns(slack.drain(0))).isEmpty();

            table.cut();
            await(() -> get("/q/health/ready").statusCode() == 503);
            // the same table holds the target's lease: a task that cannot reach it holds nothing and polls nothing
            assertThat(get("/q/health/ready").body()).contains("lease table cachewatch-state unreachable since");
            await(() -> metric("cachewatch_lease_held", "target=\"default\"") == 0);
            orders.cli("KEYS", "outage:*");
            double polls = metric("cachewatch_slowlog_polls_total", "target=\"default\"");
            assertThat(keysPatterns(slack.drain(0))).as("nothing published while the table cannot be reached").isEmpty();
            assertThat(metric("cachewatch_slowlog_polls_total", "target=\"default\"")).as("no poll without the lease").isEqualTo(polls);

            table.restore();
            await(() -> get("/q/health/ready").statusCode() == 200);
            assertThat(arrived(slack)).as("resumed on its own, sent once").containsExactly("outage");
            String metrics = get("/q/metrics").body();
            assertThat(metrics).contains("cachewatch_aws_calls_total{operation=\"Query\",service=\"DynamoDb\",target=\"default\"}",
                    "cachewatch_aws_calls_total{operation=\"TransactWriteItems\",service=\"DynamoDb\",target=\"default\"}");
            AwsOperationsLog.fromMetrics(metrics);
            assertThat(serve.stderr()).contains("lease table cachewatch-state cannot be reached", "lease table cachewatch-state reachable again");
            assertThat(serve.terminate(Duration.ofSeconds(30))).as(serve.stderr()).isZero();
        } finally {
            if (serve != null && serve.process().isAlive()) {
                serve.terminate(Duration.ofSeconds(30));
            }
        }
    }

    /** The keys findings that arrive: waits for the first, then takes what else comes within two empty receives. */
    private List<String> arrived(SnsQueue slack) throws Exception {
        List<String> got = new ArrayList<>();
        await(() -> {
            try {
                got.addAll(keysPatterns(slack.receive()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return !got.isEmpty();
        });
        got.addAll(keysPatterns(slack.drain(0)));
        return got;
    }

    /** The KEYS patterns ("session", "restart", "outage") of the keys findings received, one per message. */
    private static List<String> keysPatterns(List<Message> messages) throws IOException {
        List<String> patterns = new ArrayList<>();
        for (Message m : messages) {
            JsonNode envelope = JSON.readTree(m.body());
            if (!envelope.at("/MessageAttributes/kind/Value").asText().equals("keys")) {
                continue;
            }
            java.util.regex.Matcher found = java.util.regex.Pattern.compile("(session|restart|outage):").matcher(envelope.get("Message").asText());
            java.util.Set<String> words = new java.util.TreeSet<>();
            while (found.find()) {
                words.add(found.group(1));
            }
            patterns.add(String.join("+", words));
        }
        return patterns;
    }

    private static List<Map<String, AttributeValue>> items(DynamoDbClient dynamoDb) {
        return dynamoDb.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(StateTable.stateKey("default"))))).items();
    }

    private double metric(String name, String... labels) {
        return ServeIT.counter(get("/q/metrics").body(), name, labels);
    }

    private HttpResponse<String> get(String path) {
        return io.cachewatch.testing.BoundedHttp.send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                Duration.ofSeconds(10));
    }

    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (serve != null && !serve.process().isAlive()) {
                throw new AssertionError("serve exited " + serve.process().exitValue() + ": " + serve.stderr());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("condition not met in 120 s" + (last == null ? "" : " (last error: " + last + ")")
                + (serve == null ? "" : "\n" + serve.stderr()));
    }
}
