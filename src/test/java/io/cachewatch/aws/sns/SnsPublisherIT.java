package io.cachewatch.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.notify.Notification;
import io.cachewatch.testing.MotoClients;
import io.cachewatch.testing.MotoTestBase;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The publisher against moto's SNS (delivering to SQS), and against a closed port for an outage. */
class SnsPublisherIT extends MotoTestBase {
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private static SnsClient sns(URI endpoint) {
        return SnsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1)).build())
                .httpClient(ApacheHttpClient.create()).build();
    }

    private static SqsClient sqs() {
        return SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(ApacheHttpClient.create()).build();
    }

    private static Notification message(String severity, int i) {
        return new Notification(severity, "{\"n\":" + i + "}", Map.of("severity", severity, "cluster", "orders"), "us-east-1/elasticache/orders", "dedup-" + i);
    }

    private static String subscribedQueue(SnsClient sns, SqsClient sqs, String topic, String queue, boolean fifo) {
        String url = sqs.createQueue(b -> b.queueName(queue).attributes(fifo ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of())).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arn).attributes(Map.of("RawMessageDelivery", "true")));
        return url;
    }

    private static List<Message> receive(SqsClient sqs, String url) {
        List<Message> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        }
        return all;
    }

    @Test
    void picksTheTopicBySeverityBatchesAndUsesGroupAndDedupIdsOnFifoTopics() {
        try (SnsClient sns = sns(moto.endpoint()); SqsClient sqs = sqs()) {
            String critical = sns.createTopic(b -> b.name("critical.fifo").attributes(Map.of("FifoTopic", "true"))).topicArn();
            String fallback = sns.createTopic(b -> b.name("everything")).topicArn();
            String criticalQueue = subscribedQueue(sns, sqs, critical, "critical.fifo", true);
            String fallbackQueue = subscribedQueue(sns, sqs, fallback, "everything", false);
            SnsPublisher publisher = new SnsPublisher(r -> sns, Map.of("critical", critical), fallback, 100);
            List<Notification> batch = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                batch.add(message("info", i));
            }
            batch.add(message("critical", 99));
            publisher.enqueue(batch);
            SnsPublisher.Result result = publisher.flush();
            assertThat(result.errors()).isEmpty();
            assertThat(result.published()).isEqualTo(13);
            assertThat(result.pending()).isZero();
            assertThat(receive(sqs, fallbackQueue)).hasSize(12);
            List<Message> fifo = receive(sqs, criticalQueue);
            assertThat(fifo).singleElement().satisfies(m -> {
                assertThat(m.body()).isEqualTo("{\"n\":99}");
                assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("us-east-1/elasticache/orders");
            });
        }
    }

    @Test
    void keepsWhatAnOutageRefusedInABoundedBufferCountsDropsAndDeliversLater() {
        try (SnsClient down = sns(MotoClients.closedPort()); SnsClient up = sns(moto.endpoint()); SqsClient sqs = sqs()) {
            String topic = up.createTopic(b -> b.name("slowlog")).topicArn();
            String queue = subscribedQueue(up, sqs, topic, "slack", false);
            AtomicReference<SnsClient> client = new AtomicReference<>(down);
            SnsPublisher publisher = new SnsPublisher(r -> client.get(), Map.of(), topic, 3);
            publisher.enqueue(List.of(message("info", 1), message("info", 2), message("info", 3), message("info", 4), message("info", 5)));
            SnsPublisher.Result outage = publisher.flush();
            assertThat(outage.published()).isZero();
            assertThat(outage.pending()).isEqualTo(3);
            assertThat(outage.dropped()).isEqualTo(2);
            assertThat(outage.errors()).isNotEmpty();

            client.set(up);
            SnsPublisher.Result recovered = publisher.flush();
            assertThat(recovered.published()).isEqualTo(3);
            assertThat(recovered.pending()).isZero();
            assertThat(receive(sqs, queue)).extracting(Message::body).containsExactlyInAnyOrder("{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
        }
    }
}
