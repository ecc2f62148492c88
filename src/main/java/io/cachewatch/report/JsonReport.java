package io.cachewatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.Outcome;
import io.cachewatch.plan.FieldDiff;
import java.util.Map;

/**
 * The one JSON document {@code reconcile --output json} prints:
 * {@code {"summary":{…},"changes":[…],"errors":[…],"skipped":[…],"held":[…],"refused":[…],"apiCalls":{…}}}.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /**
     * Writes the document and a line end to {@code out} as it is serialized, never holding it as one string: the plan
     * of a 10,000-node fleet is tens of MB of JSON, and a 256 MB heap has room for its tree but not for two copies.
     */
    public static void write(ReconcileReport report, java.io.Writer out) throws java.io.IOException {
        MAPPER.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, tree(report));
        out.write("\n");
    }

    public static String render(ReconcileReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The document printed when a command stops before it has a report of its own (a usage error, an unreadable input):
     * {@code {"errors":[{"source":…,"region":null,"cluster":null,"message":…}]}}, so stdout still carries one JSON document.
     */
    public static String errorsOnly(java.util.List<ReportError> errors) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("errors");
        errors.forEach(e -> list.add(MAPPER.valueToTree(e)));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode tree(ReconcileReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("mode", report.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        ObjectNode summary = root.putObject("summary");
        summary.put("create", report.count(Action.CREATE));
        summary.put("update", report.count(Action.UPDATE));
        summary.put("delete", report.count(Action.DELETE));
        summary.put("unchanged", report.unchanged());
        summary.put("failed", report.failed());
        ArrayNode changes = root.putArray("changes");
        Map<Change<?>, Outcome> outcomes = report.outcomeByChange();
        report.plans().forEach(p -> p.changes().forEach(c -> changes.add(change(c, outcomes.get(c)))));
        ArrayNode errors = root.putArray("errors");
        report.allErrors().forEach(e -> errors.add(MAPPER.valueToTree(e)));
        ArrayNode skipped = root.putArray("skipped");
        report.skips().forEach(s -> skipped.add(MAPPER.valueToTree(s)));
        ArrayNode held = root.putArray("held");
        report.plans().forEach(p -> p.held().forEach(h -> held.add(MAPPER.valueToTree(h))));
        ArrayNode refused = root.putArray("refused");
        report.refusals().forEach(refused::add);
        ObjectNode calls = root.putObject("apiCalls");
        report.apiCalls().forEach(calls::put);
        return root;
    }

    /**
     * One change of any kind: {@code diff} holds field-level differences where the kind compares fields (alarms), else
     * {@code summary}, what a person reads (dashboards: {@code 1 widget changed (Engine CPU (%))}).
     */
    private static ObjectNode change(Change<?> change, Outcome outcome) {
        ClusterRef cluster = change.cluster() == null || change.cluster().fleet() ? null : change.cluster();
        ObjectNode node = head(change.action(), change.kind(), change.region(), change.name(), cluster, change.node(), change.rule());
        ObjectNode diff = node.putObject("diff");
        for (FieldDiff d : change.diff()) {
            ObjectNode field = diff.putObject(d.field());
            field.set("from", value(d.from()));
            field.set("to", value(d.to()));
        }
        if (change.diff().isEmpty() && change.summary() != null) {
            diff.put("summary", change.summary());
        }
        status(node, outcome == null ? null : outcome.applied(), outcome == null ? null : outcome.error());
        return node;
    }

    /** The members every change has, in the order tools and people read them. */
    private static ObjectNode head(Action action, String kind, String region, String name, ClusterRef cluster, String node, String rule) {
        ObjectNode head = MAPPER.createObjectNode();
        head.put("action", action.id());
        head.put("kind", kind);
        head.put("region", region);
        head.put("name", name);
        head.put("cluster", cluster == null ? null : cluster.id());
        head.put("clusterKind", cluster == null ? null : cluster.kind());
        head.put("node", node);
        head.put("rule", rule);
        return head;
    }

    private static void status(ObjectNode node, Boolean applied, String error) {
        node.put("status", applied == null ? "planned" : applied ? "applied" : "failed");
        if (applied != null && !applied) {
            node.put("error", error);
        }
    }

    /** Whole-number doubles print as integers: {@code "from":80}, not {@code 80.0}. */
    private static JsonNode value(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return MAPPER.getNodeFactory().numberNode(d.longValue());
        }
        return MAPPER.valueToTree(value);
    }
}
