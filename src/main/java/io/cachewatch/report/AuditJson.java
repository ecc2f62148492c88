package io.cachewatch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.audit.AuditRun;
import java.util.Map;

/**
 * The one JSON document {@code audit --output json} prints:
 * {@code {"summary":{"pass","fail","waived","notApplicable","unknown","pending","failBySeverity"},"results":[…],"errors":[…],"apiCalls":{…}}}.
 */
public final class AuditJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditJson() {
    }

    public static String render(AuditRun run, Map<String, Long> apiCalls) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode summary = root.putObject("summary");
        run.summary().forEach(summary::put);
        ObjectNode bySeverity = summary.putObject("failBySeverity");
        run.failBySeverity().forEach((severity, n) -> bySeverity.put(severity.id(), n));
        ArrayNode results = root.putArray("results");
        run.results().forEach(r -> results.add(MAPPER.valueToTree(r)));
        ArrayNode errors = root.putArray("errors");
        run.errors().forEach(e -> errors.add(MAPPER.valueToTree(e)));
        ObjectNode calls = root.putObject("apiCalls");
        apiCalls.forEach(calls::put);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
