package io.cachewatch.aws.sns;

import io.cachewatch.alarm.AlarmActions;
import io.cachewatch.notify.Batches;
import io.cachewatch.notify.Notification;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes notifications to the topic of their severity ({@code cachewatch.notify.topics.<severity>}, else the
 * default topic) with PublishBatch (≤ 10 entries, ≤ 256 KiB per call). What cannot be delivered (an SNS outage after
 * the SDK's retries, entries the batch reports failed) stays in a bounded buffer and is retried on the next flush;
 * when the buffer is full the oldest messages are dropped and counted. FIFO topics ({@code .fifo}) get the cluster
 * as message group and the finding's fingerprint as deduplication id.
 */
public final class SnsPublisher {
    private static final Logger LOG = Logger.getLogger(SnsPublisher.class);

    /** What one flush did. */
    public record Result(int published, int pending, long dropped, List<String> errors) {
    }

    private final Function<String, SnsClient> clients;
    private final AlarmActions topics;
    private final int capacity;
    private final Deque<Notification> buffer = new ArrayDeque<>();
    private long dropped;

    public SnsPublisher(Function<String, SnsClient> clients, Map<String, String> topicsBySeverity, String defaultTopic, int capacity) {
        this.clients = clients;
        this.topics = new AlarmActions(topicsBySeverity, defaultTopic);
        this.capacity = Math.max(1, capacity);
    }

    /** The same topic choice as alarm actions: the severity's topic, else the default topic; null for none. */
    public String topic(String severity) {
        List<String> topic = topics.forSeverity(severity);
        return topic.isEmpty() ? null : topic.get(0);
    }

    /** Queues messages (oldest dropped and counted when full). */
    public void enqueue(List<Notification> notifications) {
        for (Notification n : notifications) {
            if (buffer.size() == capacity) {
                buffer.removeFirst();
                dropped++;
            }
            buffer.addLast(n);
        }
    }

    public List<Notification> pending() {
        return List.copyOf(buffer);
    }

    public long dropped() {
        return dropped;
    }

    /** Publishes everything queued; what fails stays queued. */
    public Result flush() {
        return flush(() -> true);
    }

    /**
     * Publishes everything queued while {@code allowed} holds, asked before each call (serve: this task still holds
     * the target's lease); what fails or was not allowed stays queued.
     */
    public Result flush(java.util.function.BooleanSupplier allowed) {
        List<String> errors = new ArrayList<>();
        Map<String, List<Notification>> byTopic = new LinkedHashMap<>();
        List<Notification> keep = new ArrayList<>();
        for (Notification n : buffer) {
            String topic = topic(n.severity());
            if (topic == null) {
                errors.add("no topic for severity " + n.severity() + " (set cachewatch.notify.topics." + n.severity()
                        + " or cachewatch.notify.default-topic)");
                keep.add(n);
            } else {
                byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(n);
            }
        }
        int published = 0;
        for (Map.Entry<String, List<Notification>> e : byTopic.entrySet()) {
            String topic = e.getKey();
            SnsClient sns = clients.apply(region(topic));
            for (List<Notification> batch : Batches.of(e.getValue())) {
                if (!allowed.getAsBoolean()) {
                    keep.addAll(batch);
                    continue;
                }
                try {
                    PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(entries(topic, batch)));
                    published += response.successful().size();
                    response.failed().forEach(f -> {
                        errors.add("SNS " + topic + ": " + f.code() + " " + f.message());
                        keep.add(batch.get(Integer.parseInt(f.id())));
                    });
                } catch (SdkException ex) {
                    errors.add("SNS " + topic + ": " + ex.getMessage());
                    keep.addAll(batch);
                }
            }
        }
        buffer.clear();
        buffer.addAll(keep);
        errors.forEach(LOG::warn);
        return new Result(published, buffer.size(), dropped, errors);
    }

    private static List<PublishBatchRequestEntry> entries(String topic, List<Notification> batch) {
        boolean fifo = topic.endsWith(".fifo");
        List<PublishBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Notification n = batch.get(i);
            Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
            n.attributes().forEach((k, v) -> attributes.put(k, MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
            PublishBatchRequestEntry.Builder entry = PublishBatchRequestEntry.builder().id(Integer.toString(i))
                    .message(n.body()).messageAttributes(attributes);
            if (fifo) {
                entry.messageGroupId(n.groupId()).messageDeduplicationId(n.deduplicationId());
            }
            entries.add(entry.build());
        }
        return entries;
    }

    /** arn:aws:sns:REGION:ACCOUNT:NAME */
    static String region(String topicArn) {
        String[] parts = topicArn.split(":");
        if (parts.length < 6) {
            throw new IllegalArgumentException("not an SNS topic ARN: " + topicArn);
        }
        return parts[3];
    }
}
