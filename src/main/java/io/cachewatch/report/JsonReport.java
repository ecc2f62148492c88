package io.cachewatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.alarm.AlarmOwner;
import io.cachewatch.dashboard.DashboardChange;
import io.cachewatch.dashboard.DashboardOutcome;
import io.cachewatch.dashboard.DashboardPlan;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.AlarmChange;
import io.cachewatch.plan.ChangeOutcome;
import io.cachewatch.plan.FieldDiff;
import io.cachewatch.plan.RegionPlan;
import java.util.Map;

/**
 * The one JSON document {@code reconcile --output json} prints:
 * {@code {"summary":{…},"changes":[…],"errors":[…],"skipped":[…],"held":[…],"refused":[…],"apiCalls":{…}}}.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
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
        Map<AlarmChange, ChangeOutcome> outcomes = report.outcomeByChange();
        for (RegionPlan plan : report.plans()) {
            for (AlarmChange change : plan.changes()) {
                changes.add(change(change, outcomes.get(change)));
            }
        }
        Map<DashboardChange, DashboardOutcome> dashboardOutcomes = report.dashboardOutcomeByChange();
        for (DashboardPlan plan : report.dashboardPlans()) {
            plan.changes().forEach(c -> changes.add(dashboard(c, dashboardOutcomes.get(c))));
        }
        ArrayNode errors = root.putArray("errors");
        report.allErrors().forEach(e -> errors.add(MAPPER.valueToTree(e)));
        ArrayNode skipped = root.putArray("skipped");
        ArrayNode held = root.putArray("held");
        report.plans().forEach(p -> {
            p.skips().forEach(s -> skipped.add(MAPPER.valueToTree(s)));
            p.held().forEach(h -> held.add(MAPPER.valueToTree(h)));
        });
        report.dashboardPlans().forEach(p -> p.held().forEach(h -> held.add(MAPPER.valueToTree(h))));
        ArrayNode refused = root.putArray("refused");
        report.refusals().forEach(refused::add);
        ObjectNode calls = root.putObject("apiCalls");
        report.apiCalls().forEach(calls::put);
        return root;
    }

    private static ObjectNode change(AlarmChange change, ChangeOutcome outcome) {
        AlarmOwner owner = change.owner();
        ObjectNode node = head(change.action(), "alarm", change.region(), change.name(), owner == null ? null : owner.cluster(),
                owner == null ? null : owner.node(), owner == null ? null : owner.rule());
        ObjectNode diff = node.putObject("diff");
        for (FieldDiff d : change.diff()) {
            ObjectNode field = diff.putObject(d.field());
            field.set("from", value(d.from()));
            field.set("to", value(d.to()));
        }
        status(node, outcome == null ? null : outcome.applied(), outcome == null ? null : outcome.error());
        return node;
    }

    /** A dashboard change, with the same members as an alarm change; {@code diff.summary} says what differs. */
    private static ObjectNode dashboard(DashboardChange change, DashboardOutcome outcome) {
        ObjectNode node = head(change.action(), "dashboard", change.region(), change.name(), change.cluster(), null, null);
        node.putObject("diff").put("summary", change.summary());
        status(node, outcome == null ? null : outcome.applied(), outcome == null ? null : outcome.error());
        return node;
    }

    /** The members every change has, in the order tools and people read them. */
    private static ObjectNode head(Action action, String kind, String region, String name, String cluster, String node, String rule) {
        ObjectNode head = MAPPER.createObjectNode();
        head.put("action", action.id());
        head.put("kind", kind);
        head.put("region", region);
        head.put("name", name);
        head.put("cluster", cluster);
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
