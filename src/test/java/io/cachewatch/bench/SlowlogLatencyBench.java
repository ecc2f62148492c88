package io.cachewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoServer;
import io.cachewatch.testing.RedisServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Time from a slow command to its message in SQS: a real redis-server that logs commands slower than 100 ms, the
 * packaged jar running {@code slowlog} in polling mode (publishing) against it, an SNS topic in moto with an SQS queue
 * subscribed. Each sample waits a random part of the interval (so the command lands at a random phase of the poll
 * loop), runs {@code DEBUG SLEEP 0.15} and long-polls the queue; the latency runs from the moment the command returned
 * (its slow-log entry exists) to the moment ReceiveMessage returned the message. Suppression is set to 1 s so that
 * each sample's finding is sent.
 *
 * <pre>./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.cachewatch.bench.SlowlogLatencyBench [-Dexec.args="INTERVAL SAMPLES"]</pre>
 */
public final class SlowlogLatencyBench {
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private SlowlogLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        Duration interval = Duration.parse("PT" + (args.length > 0 ? args[0] : "10s").toUpperCase());
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("slowlog-latency");
        try (MotoServer moto = MotoServer.start(); RedisServers servers = new RedisServers();
             DemoFleet fleet = new DemoFleet(moto.endpoint());
             SnsClient sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                     .httpClient(ApacheHttpClient.create()).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                     .httpClient(ApacheHttpClient.create()).build()) {
            RedisServers.Server redis = servers.start("--slowlog-log-slower-than", "100000", "--enable-debug-command", "yes");
            fleet.redisSingleNode("solo", "cache.t3.micro");
            String topic = sns.createTopic(b -> b.name("slowlog")).topicArn();
            String queueUrl = sqs.createQueue(b -> b.queueName("slack")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn));

            Path config = Files.writeString(dir.resolve("application.yaml"), String.join("\n",
                    "cachewatch:",
                    "  notify:",
                    "    default-topic: " + topic,
                    "  slowlog:",
                    "    interval: " + interval.toMillis() + "ms",
                    "    suppress-for: 1s",
                    "    state-file: " + dir.resolve("state.json"),
                    "    endpoint-overrides:",
                    "      solo: redis://" + redis.address(),
                    ""));
            CachewatchJar cachewatch = CachewatchJar.packaged()
                    .env("AWS_ENDPOINT_URL", moto.endpoint().toString()).env("AWS_REGION", "us-east-1")
                    .env("AWS_ACCESS_KEY_ID", "test").env("AWS_SECRET_ACCESS_KEY", "test")
                    .env("CACHEWATCH_DISCOVERY_KINDS", "elasticache").env("QUARKUS_CONFIG_LOCATIONS", config.toString());
            System.out.printf("interval %s, %d samples, load average %s%n", interval, samples, ProcessSampler.loadAverage());
            CachewatchJar.Running running = cachewatch.start("slowlog", "--output", "json");
            try {
                while (Files.size(running.out()) == 0) { // the first poll has read the node: its cursor is set
                    if (!running.process().isAlive()) {
                        throw new IllegalStateException("collector exited: " + running.stderr());
                    }
                    Thread.sleep(100);
                }
                Random random = new Random();
                List<Double> latencies = new ArrayList<>();
                for (int i = 0; i < samples; i++) {
                    Thread.sleep((long) (random.nextDouble() * interval.toMillis()));
                    redis.cli("DEBUG", "SLEEP", "0.15");
                    long logged = System.nanoTime();
                    Message message = receive(sqs, queueUrl, interval.plusSeconds(20));
                    double seconds = (System.nanoTime() - logged) / 1e9;
                    String command = new ObjectMapper().readTree(new ObjectMapper().readTree(message.body()).get("Message").asText())
                            .at("/content/description").asText();
                    if (!command.contains("DEBUG")) {
                        throw new IllegalStateException("unexpected message: " + message.body());
                    }
                    latencies.add(seconds);
                    System.out.printf("sample %2d: %.2f s%n", i + 1, seconds);
                }
                Collections.sort(latencies);
                double median = latencies.size() % 2 == 1 ? latencies.get(latencies.size() / 2)
                        : (latencies.get(latencies.size() / 2 - 1) + latencies.get(latencies.size() / 2)) / 2;
                double bound = interval.toMillis() / 1000.0 + 1;
                System.out.printf("slow command → SQS: min %.2f s, median %.2f s, max %.2f s; target < interval + 1 s = %.1f s: %s%n",
                        latencies.get(0), median, latencies.get(latencies.size() - 1), bound,
                        latencies.get(latencies.size() - 1) < bound ? "met" : "NOT met");
                System.out.printf("load average at the end: %s%n", ProcessSampler.loadAverage());
            } finally {
                running.terminate(Duration.ofSeconds(10));
            }
        }
    }

    /** The next message, long-polling (20 s per call, SQS's most) until {@code timeout}; deleted once received. */
    private static Message receive(SqsClient sqs, String queueUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1).waitTimeSeconds(20)).messages();
            if (!messages.isEmpty()) {
                Message m = messages.get(0);
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                return m;
            }
        }
        throw new IllegalStateException("no message within " + timeout);
    }
}
