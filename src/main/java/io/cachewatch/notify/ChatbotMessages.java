package io.cachewatch.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.slowlog.Finding;
import io.cachewatch.slowlog.FindingKind;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as AWS Chatbot custom notifications ({@code version 1.0, source custom, client-markdown}): a title naming
 * cluster and finding (everything from the data plane, key patterns, clients, node names, made inert by
 * {@link SlackText}), a markdown description with a small table of the top patterns, concrete next steps, and
 * {@code metadata.threadId} per cluster so that Slack threads a cluster's findings.
 */
public final class ChatbotMessages {
    /** SNS's limit for one message (and one PublishBatch call). */
    public static final int MAX_BYTES = 262_144;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatbotMessages() {
    }

    public static Notification of(Finding f) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("severity", f.severity().id());
        attributes.put("cluster", f.cluster().id());
        attributes.put("engine", f.cluster().engine());
        attributes.put("region", f.cluster().region());
        attributes.put("kind", f.kind().id());
        // rows are dropped until the message fits (it always does long before: cells are capped)
        for (int rows = f.topPatterns().size(); ; rows--) {
            Notification n = new Notification(f.severity().id(), body(f, Math.max(rows, 0)), attributes,
                    f.cluster().key(), f.fingerprint());
            if (n.size() < MAX_BYTES || rows <= 0) {
                return n;
            }
        }
    }

    public static String threadId(Finding f) {
        return "cachewatch-slowlog/" + f.cluster().key();
    }

    static String body(Finding f, int rows) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.put("source", "custom");
        root.put("id", f.fingerprint());
        ObjectNode content = root.putObject("content");
        content.put("textType", "client-markdown");
        content.put("title", title(f));
        content.put("description", description(f, rows));
        ArrayNode next = content.putArray("nextSteps");
        f.kind().nextSteps().forEach(next::add);
        ArrayNode keywords = content.putArray("keywords");
        keywords.add(f.severity().id());
        keywords.add(f.cluster().engine());
        keywords.add(f.kind().id());
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("threadId", threadId(f));
        metadata.put("summary", SlackText.inert(f.headline()));
        metadata.put("eventType", "cachewatch.slowlog." + f.kind().id());
        ObjectNode context = metadata.putObject("additionalContext");
        context.put("cluster", f.cluster().id());
        context.put("region", f.cluster().region());
        context.put("severity", f.severity().id());
        context.put("nodes", SlackText.inert(String.join(", ", f.nodes())));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String title(Finding f) {
        String icon = switch (f.severity()) {
            case CRITICAL -> ":red_circle:";
            case WARNING -> ":warning:";
            case INFO -> ":information_source:";
        };
        return icon + " " + SlackText.inert(f.headline());
    }

    static String description(Finding f, int rows) {
        StringBuilder d = new StringBuilder();
        String when = f.from() == null ? "" : " between " + DateTimeFormatter.ISO_INSTANT.format(f.from())
                + " and " + DateTimeFormatter.ISO_INSTANT.format(f.to());
        if (f.kind() == FindingKind.LOST) {
            d.append("*").append(f.lost()).append("* log entries were pushed out of the log before cachewatch read them")
                    .append(" on ").append(f.nodes().size()).append(" node(s) of ").append(f.cluster().engine())
                    .append(" cluster ").append(SlackText.code(f.cluster().id())).append(" (").append(SlackText.inert(f.cluster().region())).append(").\n")
                    .append("Nodes: ").append(nodes(f)).append('\n');
            return d.toString();
        }
        d.append("*").append(f.count()).append("* ").append(noun(f))
                .append(" on ").append(f.cluster().engine()).append(" cluster ").append(SlackText.code(f.cluster().id())).append(" (")
                .append(SlackText.inert(f.cluster().region())).append(")").append(when).append(".\n")
                .append("Max ").append(f.format(f.max())).append(", p50 ").append(f.format(f.p50()))
                .append(", p99 ").append(f.format(f.p99())).append(".\n\n");
        boolean raw = f.topPatterns().stream().anyMatch(p -> p.rawExample() != null);
        d.append(raw ? "| command and key pattern | count | max | example (raw arguments allowed) |\n|---|---|---|---|\n"
                : "| command and key pattern | count | max |\n|---|---|---|\n");
        List<Finding.PatternStat> shown = f.topPatterns().subList(0, Math.min(rows, f.topPatterns().size()));
        for (Finding.PatternStat p : shown) {
            d.append("| ").append(SlackText.code(p.label())).append(" | ").append(p.count()).append(" | ").append(f.format(p.max()));
            if (raw) {
                d.append(" | ").append(SlackText.code(p.rawExample() == null ? "" : p.rawExample()));
            }
            d.append(" |\n");
        }
        if (f.patterns() > shown.size()) {
            d.append("…and ").append(f.patterns() - shown.size()).append(" more pattern(s).\n");
        }
        List<String> clients = new ArrayList<>();
        f.topClients().forEach(c -> clients.add(SlackText.code(c.label()) + " (" + c.count() + ")"));
        d.append("\nClients: ").append(String.join(", ", clients)).append('\n');
        d.append("Nodes: ").append(nodes(f)).append('\n');
        return d.toString();
    }

    /** "slow commands", or the size log's: "large requests" (COMMANDLOG large-request), "large replies". */
    private static String noun(Finding f) {
        boolean one = f.count() == 1;
        return switch (f.kind().log()) {
            case LARGE_REQUEST -> one ? "large request" : "large requests";
            case LARGE_REPLY -> one ? "command with a large reply" : "commands with large replies";
            case SLOW -> one ? "slow command" : "slow commands";
        };
    }

    /** Node names come from the data plane too (CLUSTER SHARDS hostnames): each in its own inert code span. */
    private static String nodes(Finding f) {
        return String.join(", ", f.nodes().stream().map(SlackText::code).toList());
    }
}
