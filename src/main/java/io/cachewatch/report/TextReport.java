package io.cachewatch.report;

import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.plan.Outcome;
import io.cachewatch.plan.FieldDiff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan as a person reads it: {@code +}, {@code ~}, {@code -} grouped by kind, region and cluster, one summary line. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(ReconcileReport report) {
        StringBuilder out = new StringBuilder();
        Map<Change<?>, Outcome> outcomes = report.outcomeByChange();
        for (KindPlan<?> plan : report.plans()) {
            String plural = plan.kind() + "s";
            out.append(Character.toUpperCase(plural.charAt(0))).append(plural.substring(1)).append(' ').append(plan.region()).append('\n');
            Map<String, List<Change<?>>> byCluster = new LinkedHashMap<>();
            plan.changes().forEach(c -> byCluster.computeIfAbsent(owner(c.cluster()), k -> new java.util.ArrayList<>()).add(c));
            byCluster.forEach((cluster, changes) -> {
                out.append("  ").append(cluster).append('\n');
                changes.forEach(c -> change(out, c, outcomes.get(c)));
            });
            if (plan.changes().isEmpty()) {
                out.append("  no changes (").append(plan.unchanged()).append(' ').append(plural).append(" in sync)\n");
            }
            plan.held().forEach(h -> out.append("  kept ").append(h.name()).append(": ").append(h.reason()).append('\n'));
        }
        report.skips().forEach(s -> out.append("skipped ").append(s.rule()).append(" on ").append(s.cluster())
                .append(s.target().equals(s.cluster()) ? "" : " " + s.target()).append(": ").append(s.reason()).append('\n'));
        report.refusals().forEach(r -> out.append("REFUSED ").append(r).append('\n'));
        report.allErrors().forEach(e -> out.append("ERROR ").append(e).append('\n'));
        out.append(summary(report)).append('\n');
        return out.toString();
    }

    /** {@code cluster orders}, {@code cluster orders (cache cluster)} beside a replication group of that id, {@code region overview}. */
    private static String owner(ClusterRef cluster) {
        if (cluster == null) {
            return "(unknown owner)";
        }
        if (cluster.fleet()) {
            return "region overview";
        }
        return "cluster " + cluster.id() + (cluster.kind().equals(ClusterRef.CACHE_CLUSTER) ? " (cache cluster)" : "");
    }

    public static String summary(ReconcileReport report) {
        String verb = switch (report.mode()) {
            case APPLY -> report.refusals().isEmpty() ? "Applied" : "Refused";
            case DRY_RUN, CHECK -> "Plan";
        };
        return String.format("%s: %d to create, %d to update, %d to delete, %d unchanged, %d failed.", verb,
                report.count(Action.CREATE), report.count(Action.UPDATE), report.count(Action.DELETE), report.unchanged(), report.failed());
    }

    private static void change(StringBuilder out, Change<?> change, Outcome outcome) {
        out.append("    ").append(change.action().sign()).append(' ').append(change.name());
        if (change.action() != Action.DELETE && change.diff().isEmpty() && change.summary() != null) {
            out.append("  ").append(change.summary());
        }
        if (outcome != null && !outcome.applied()) {
            out.append("  FAILED: ").append(outcome.error());
        }
        out.append('\n');
        for (FieldDiff d : change.diff()) {
            out.append("        ").append(d.field()).append(' ').append(format(d.from())).append(" → ").append(format(d.to())).append('\n');
        }
    }

    static String format(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        if (value instanceof String s && (s.contains("\n") || s.length() > 80)) {
            return "\"" + s.lines().findFirst().orElse("").substring(0, Math.min(60, s.lines().findFirst().orElse("").length())) + "…\"";
        }
        return String.valueOf(value);
    }
}
