package io.cachewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.RedisServers;
import io.cachewatch.testing.SlowlogTestBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The slow-log pipeline end to end: the packaged jar discovers clusters in moto, reads real redis-server nodes (a
 * primary with a replica, a 3+3 cluster, a stopped node) through endpoint overrides, and publishes to an SNS topic in
 * moto that an SQS queue is subscribed to (raw delivery off, so the SNS envelope and its MessageAttributes arrive).
 */
class SlowlogCliIT extends SlowlogTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
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
        SnsClient sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(ApacheHttpClient.create()).build();
        SqsClient sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(ApacheHttpClient.create()).build();
        String topic = sns.createTopic(b -> b.name("slowlog")).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("slack")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn));

        primary.cli("SET", "user:42:session", SECRET);
        primary.cli("HGETALL", "profile:1001");
        primary.cli("KEYS", "session:*");
        primary.cli("ECHO", SECRET);
        primary.cli("PING");
        feed.get(0).cli("KEYS", "feed:*");

        Path config = config(dir, topic,
                "    worse-factor: 1000",
                "    ignore-commands: REPLCONF,PSYNC,SYNC,PING", // a primary pings its replicas every 10 s
                "    endpoint-overrides:",
                "      orders: redis://" + primary.address(),
                "      feed: redis://" + feed.get(0).address(),
                "      solo: redis://" + solo.address());
        CachewatchJar cachewatch = CachewatchJar.packaged()
                .env("AWS_ENDPOINT_URL", moto.endpoint().toString()).env("AWS_REGION", "us-east-1")
                .env("AWS_ENDPOINT_URL_CLOUDWATCH", bridge.endpoint().toString())
                .env("AWS_ACCESS_KEY_ID", "test").env("AWS_SECRET_ACCESS_KEY", "test")
                .env("CACHEWATCH_DISCOVERY_KINDS", "elasticache").env("QUARKUS_CONFIG_LOCATIONS", config.toString());

        CachewatchJar.Result first = cachewatch.run("slowlog", "--once", "--output", "json", "--cluster", "orders", "--cluster", "feed", "--cluster", "solo");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(first.stdout());
        assertThat(report.at("/failures")).singleElement().satisfies(f -> {
            assertThat(f.get("cluster").asText()).isEqualTo("solo");
            assertThat(f.get("reason").asText()).startsWith("connection refused");
        });
        assertThat(report.at("/summary/nodesRead").asInt()).isEqualTo(2 + 6);
        assertThat(first.stdout() + first.stderr()).doesNotContain(SECRET);

        List<Message> messages = drain(sqs, queueUrl, report.at("/summary/published").asInt());
        assertThat(messages).hasSize(report.at("/findings").size());
        List<String> kinds = new ArrayList<>();
        for (Message m : messages) {
            assertThat(m.body()).doesNotContain(SECRET).doesNotContain("4711");
            JsonNode envelope = JSON.readTree(m.body());
            assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
            JsonNode attributes = envelope.get("MessageAttributes");
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
        assertThat(drain(sqs, queueUrl, 0)).isEmpty();

        primary.cli("KEYS", "session:*");
        CachewatchJar.Result third = cachewatch.run("slowlog", "--once", "--output", "json", "--cluster", "orders");
        JsonNode thirdReport = JSON.readTree(third.stdout());
        List<String> statuses = new ArrayList<>();
        thirdReport.at("/findings").forEach(f -> statuses.add(f.get("kind").asText() + "=" + f.get("status").asText()));
        assertThat(statuses).as(third.toString()).contains("keys=suppressed");
        for (Message m : drain(sqs, queueUrl, thirdReport.at("/summary/published").asInt())) {
            assertThat(JSON.readTree(m.body()).at("/MessageAttributes/kind/Value").asText()).isNotEqualTo("keys");
        }
        sns.close();
        sqs.close();
    }

    private static List<Message> drain(SqsClient sqs, String queueUrl, int expected) {
        List<Message> all = new ArrayList<>();
        for (int empty = 0; empty < 2 || all.size() < expected && empty < 10; ) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                empty++;
            }
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }
        return all;
    }
}
