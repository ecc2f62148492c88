package io.cachewatch.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.audit.AuditResult;
import io.cachewatch.audit.CheckCatalog;
import io.cachewatch.audit.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Audit changes as AWS Chatbot custom notifications, in the format of the slow-log findings ({@link ChatbotMessages}):
 * title, markdown description with the evidence (inert, as {@link SlackText} makes data-plane text), the remediation
 * as next step, threaded per cluster.
 */
public final class AuditMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditMessages() {
    }

    /**
     * The topic severity of an audit severity: critical and high go to the {@code critical} topic, medium to
     * {@code warning}, low to {@code info} (the topics alarms and slow-log findings use).
     */
    public static String topicSeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "critical";
            case MEDIUM -> "warning";
            case LOW -> "info";
        };
    }

    public static Notification failing(AuditResult r) {
        return of(r, true);
    }

    public static Notification resolved(AuditResult r) {
        return of(r, false);
    }

    static Notification of(AuditResult r, boolean failing) {
        String title = CheckCatalog.find(r.check()).map(c -> c.title()).orElse(r.check());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("severity", topicSeverity(r.severity()));
        attributes.put("cluster", r.cluster());
        attributes.put("region", r.region());
        attributes.put("kind", r.kind());
        attributes.put("check", r.check());
        String threadId = "cachewatch-audit/" + r.region() + "/" + r.kind() + "/" + r.cluster();
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.put("source", "custom");
        root.put("id", r.id() + (failing ? "/fail" : "/resolved"));
        ObjectNode content = root.putObject("content");
        content.put("textType", "client-markdown");
        content.put("title", (failing ? ":red_circle: " : ":white_check_mark: ") + r.cluster() + ": " + r.check()
                + (failing ? " fails" : " resolved") + " (" + r.severity().id() + ")");
        StringBuilder d = new StringBuilder();
        d.append("*").append(title).append("* on ").append(r.kind()).append(" cluster `").append(r.cluster()).append("` (")
                .append(r.region()).append("): ").append(r.reason() == null ? "" : SlackText.inert(r.reason())).append(".\n");
        if (!r.evidence().isEmpty()) {
            d.append("\n| evidence | value |\n|---|---|\n");
            r.evidence().forEach((k, v) -> d.append("| ").append(k).append(" | ").append(SlackText.code(String.valueOf(v))).append(" |\n"));
        }
        content.put("description", d.toString());
        if (failing && r.remediation() != null) {
            content.putArray("nextSteps").add(r.remediation());
        }
        content.putArray("keywords").add(r.severity().id()).add(r.check()).add(r.kind());
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("threadId", threadId);
        metadata.put("summary", r.cluster() + ": " + r.check() + (failing ? " fails" : " resolved"));
        metadata.put("eventType", "cachewatch.audit." + (failing ? "fail" : "resolved"));
        try {
            return new Notification(topicSeverity(r.severity()), JSON.writeValueAsString(root), attributes,
                    threadId, r.id() + (failing ? "/fail" : "/resolved"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
