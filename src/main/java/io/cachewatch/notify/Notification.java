package io.cachewatch.notify;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One message to publish: the body (AWS Chatbot custom-notification JSON), its message attributes for subscription
 * filter policies, the severity that picks the topic, and FIFO group and deduplication ids.
 */
public record Notification(String severity, String body, Map<String, String> attributes, String groupId, String deduplicationId) {
    public Notification {
        attributes = Map.copyOf(attributes);
    }

    /** Size as SNS counts it: body plus attribute names, types and values. */
    public int size() {
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            size += a.getKey().getBytes(StandardCharsets.UTF_8).length + "String".length()
                    + a.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
