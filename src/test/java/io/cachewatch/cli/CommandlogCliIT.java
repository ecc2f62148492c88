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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * COMMANDLOG end to end: the packaged jar discovers a Valkey cluster in moto, reads a real valkey-server 8.1 (whose
 * commandlog-reply-larger-than and commandlog-request-larger-than are lowered, as a parameter group would) and publishes
 * its large request and large reply to SNS; the SQS queue subscribed to the topic receives them with command, key
 * pattern and size, never the value. A Redis 7 cluster in the same run is read with SLOWLOG.
 */
class CommandlogCliIT extends SlowlogTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALUE = "v4lue-that-must-stay-on-the-node-";

    @Test
    void aLargeReplyAndALargeRequestReachSnsWithCommandKeyPatternAndSizeButNotTheValue(@TempDir Path dir) throws Exception {
        try (RedisServers valkeys = RedisServers.valkey()) {
            RedisServers.Server valkey = valkeys.start("--commandlog-request-larger-than", "8192", "--commandlog-reply-larger-than", "8192",
                    "--slowlog-log-slower-than", "-1"); // only the size logs, so the messages below are the large ones
            RedisServers.Server redis = servers.start();
            try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
                fleet.valkeyClusterMode("catalog", 1, 0, "cache.r7g.large");
                fleet.redisSingleNode("legacy", "cache.t3.micro");
            }
            SnsQueue slack = new SnsQueue(moto.endpoint(), "commandlog");
            String value = VALUE + "z".repeat(40_000);
            valkey.cli("SET", "product:981:image", value);
            valkey.cli("GET", "product:981:image");
            redis.cli("KEYS", "legacy:*");

            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("catalog", valkey.address());
            overrides.put("legacy", redis.address());
            Path config = SlowlogConfig.write(dir, slack.topicArn(), overrides, "ignore-commands: REPLCONF,PSYNC,SYNC,PING");
            CachewatchJar cachewatch = CachewatchJar.packaged()
                    .env("AWS_ENDPOINT_URL", moto.endpoint().toString()).env("AWS_REGION", "us-east-1")
                    .env("AWS_ENDPOINT_URL_CLOUDWATCH", bridge.endpoint().toString())
                    .env("AWS_ACCESS_KEY_ID", "test").env("AWS_SECRET_ACCESS_KEY", "test")
                    .env("CACHEWATCH_DISCOVERY_KINDS", "elasticache").env("QUARKUS_CONFIG_LOCATIONS", config.toString());

            CachewatchJar.Result run = cachewatch.run("slowlog", "--once", "--output", "json", "--cluster", "catalog", "--cluster", "legacy");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stdout() + run.stderr()).doesNotContain(VALUE);
            JsonNode report = JSON.readTree(run.stdout());
            assertThat(report.at("/commandlogFallbacks")).isEmpty();
            JsonNode reportedReply = null;
            for (JsonNode f : report.at("/findings")) {
                if (f.get("kind").asText().equals("large-reply")) {
                    reportedReply = f;
                }
            }
            assertThat(reportedReply).as(run.stdout()).isNotNull();
            assertThat(reportedReply.get("log").asText()).isEqualTo("large-reply");
            assertThat(reportedReply.get("maxBytes").asLong()).isBetween(40_000L, 40_200L);
            assertThat(reportedReply.has("maxMicros")).isFalse();

            List<Message> messages = slack.drain(report.at("/summary/published").asInt());
            Map<String, JsonNode> byKind = new LinkedHashMap<>();
            for (Message m : messages) {
                JsonNode envelope = JSON.readTree(m.body());
                assertThat(envelope.path("Message").asText() + envelope.path("MessageAttributes")).doesNotContain(VALUE).doesNotContain("zzzz");
                byKind.put(envelope.at("/MessageAttributes/cluster/Value").asText() + "/" + envelope.at("/MessageAttributes/kind/Value").asText(),
                        JSON.readTree(envelope.get("Message").asText()));
            }
            assertThat(byKind).containsOnlyKeys("catalog/large-request", "catalog/large-reply", "legacy/keys");
            JsonNode reply = byKind.get("catalog/large-reply");
            assertThat(reply.at("/content/title").asText()).startsWith(":warning: catalog: 1 × large replies (max 39.");
            assertThat(reply.at("/content/description").asText())
                    .contains("*1* command with a large reply on valkey cluster `catalog`")
                    .containsPattern("\\| `GET product:\\{n\\}:image` \\| 1 \\| 39\\.\\d KiB \\|")
                    .contains("(unnamed) @ 127.0.0.1");
            assertThat(reply.at("/metadata/eventType").asText()).isEqualTo("cachewatch.slowlog.large-reply");
            assertThat(byKind.get("catalog/large-request").at("/content/description").asText())
                    .containsPattern("\\| `SET product:\\{n\\}:image` \\| 1 \\| 39\\.\\d KiB \\|");

            // the next run sends nothing again: each log's cursor was kept
            CachewatchJar.Result second = cachewatch.run("slowlog", "--once", "--output", "json", "--cluster", "catalog");
            assertThat(JSON.readTree(second.stdout()).at("/findings").size()).as(second.stdout()).isZero();
            slack.close();
        }
    }
}
