package io.cachewatch.alarm;

import java.util.List;
import java.util.Map;

/**
 * Which SNS topics an alarm notifies, by severity ({@code cachewatch.notify.topics.<severity>}), falling back to
 * the default topic. The same topics receive the OK transition so that a recovery is announced where the alarm was.
 */
public record AlarmActions(Map<String, String> topicsBySeverity, String defaultTopic) {
    public static final AlarmActions NONE = new AlarmActions(Map.of(), null);

    public AlarmActions {
        topicsBySeverity = Map.copyOf(topicsBySeverity);
    }

    public List<String> forSeverity(String severity) {
        String topic = topicsBySeverity.getOrDefault(severity, defaultTopic);
        return topic == null || topic.isBlank() ? List.of() : List.of(topic);
    }
}
