package io.cachewatch.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SNS topic in moto with an SQS queue subscribed to it (raw delivery off, so each message is the SNS envelope
 * with its MessageAttributes): what a Slack channel behind AWS Chatbot would get.
 */
public final class SnsQueue implements AutoCloseable {
    private static final StaticCredentialsProvider TEST = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final SnsClient sns;
    private final SqsClient sqs;
    private final String topicArn;
    private final String queueUrl;

    public SnsQueue(URI moto, String name) {
        sns = SnsClient.builder().endpointOverride(moto).region(Region.US_EAST_1).credentialsProvider(TEST)
                .httpClient(ApacheHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(moto).region(Region.US_EAST_1).credentialsProvider(TEST)
                .httpClient(ApacheHttpClient.create()).build();
        topicArn = sns.createTopic(b -> b.name(name)).topicArn();
        queueUrl = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
    }

    public String topicArn() {
        return topicArn;
    }

    /** One receive (up to 10 messages, waiting up to 1 s); what it got is deleted from the queue. */
    public List<Message> receive() {
        List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageAttributeNames("All")).messages();
        batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return batch;
    }

    /** Everything in the queue: receives until two come back empty, or ten when fewer than {@code expected} arrived. */
    public List<Message> drain(int expected) {
        List<Message> all = new ArrayList<>();
        for (int empty = 0; empty < 2 || all.size() < expected && empty < 10; ) {
            List<Message> batch = receive();
            if (batch.isEmpty()) {
                empty++;
            }
            all.addAll(batch);
        }
        return all;
    }

    @Override
    public void close() {
        sns.close();
        sqs.close();
    }
}
