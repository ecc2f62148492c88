package io.cachewatch.report;

import io.cachewatch.alarm.AlarmSpec;
import io.cachewatch.dashboard.DashboardChange;
import io.cachewatch.dashboard.DashboardOutcome;
import io.cachewatch.dashboard.DashboardPlan;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.AlarmChange;
import io.cachewatch.plan.ChangeOutcome;
import io.cachewatch.plan.FieldDiff;
import io.cachewatch.plan.RegionPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan as a person reads it: {@code +}, {@code ~}, {@code -} grouped by region and cluster, one summary line. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(ReconcileReport report) {
        StringBuilder out = new StringBuilder();
        Map<AlarmChange, ChangeOutcome> outcomes = report.outcomeByChange();
        for (RegionPlan plan : report.plans()) {
            out.append("Region ").append(plan.region()).append('\n');
            Map<String, List<AlarmChange>> byCluster = new LinkedHashMap<>();
            plan.changes().forEach(c -> byCluster.computeIfAbsent(c.owner() == null ? "(unknown owner)" : c.owner().cluster(),
                    k -> new java.util.ArrayList<>()).add(c));
            byCluster.forEach((cluster, changes) -> {
                out.append("  cluster ").append(cluster).append('\n');
                changes.forEach(c -> change(out, c, outcomes.get(c)));
            });
            if (plan.changes().isEmpty()) {
                out.append("  no changes (").append(plan.unchanged()).append(" alarms in sync)\n");
            }
            plan.held().forEach(h -> out.append("  kept ").append(h.name()).append(": ").append(h.reason()).append('\n'));
            plan.skips().forEach(s -> out.append("  skipped ").append(s.rule()).append(" on ").append(s.cluster())
                    .append(s.target().equals(s.cluster()) ? "" : " " + s.target()).append(": ").append(s.reason()).append('\n'));
        }
        Map<DashboardChange, DashboardOutcome> dashboardOutcomes = report.dashboardOutcomeByChange();
        for (DashboardPlan plan : report.dashboardPlans()) {
            out.append("Dashboards ").append(plan.region()).append('\n');
            for (DashboardChange c : plan.changes()) {
                DashboardOutcome outcome = dashboardOutcomes.get(c);
                out.append("    ").append(c.action().sign()).append(' ').append(c.name())
                        .append(c.cluster() == null ? "" : "  cluster " + c.cluster()).append(": ").append(c.summary())
                        .append(outcome != null && !outcome.applied() ? "  FAILED: " + outcome.error() : "").append('\n');
            }
            if (plan.changes().isEmpty()) {
                out.append("  no changes (").append(plan.unchanged()).append(" dashboards in sync)\n");
            }
            plan.held().forEach(h -> out.append("  kept ").append(h.name()).append(": ").append(h.reason()).append('\n'));
        }
        report.refusals().forEach(r -> out.append("REFUSED ").append(r).append('\n'));
        report.allErrors().forEach(e -> out.append("ERROR ").append(e).append('\n'));
        out.append(summary(report)).append('\n');
        return out.toString();
    }

    public static String summary(ReconcileReport report) {
        String verb = switch (report.mode()) {
            case APPLY -> report.refusals().isEmpty() ? "Applied" : "Refused";
            case DRY_RUN, CHECK -> "Plan";
        };
        return String.format("%s: %d to create, %d to update, %d to delete, %d unchanged, %d failed.", verb,
                report.count(Action.CREATE), report.count(Action.UPDATE), report.count(Action.DELETE), report.unchanged(), report.failed());
    }

    private static void change(StringBuilder out, AlarmChange change, ChangeOutcome outcome) {
        out.append("    ").append(change.action().sign()).append(' ').append(change.name());
        if (change.action() == Action.CREATE) {
            out.append("  ").append(describe(change.desired().spec())).append(' ').append(change.desired().severity());
        }
        if (outcome != null && !outcome.applied()) {
            out.append("  FAILED: ").append(outcome.error());
        }
        out.append('\n');
        for (FieldDiff d : change.diff()) {
            out.append("        ").append(d.field()).append(' ').append(format(d.from())).append(" → ").append(format(d.to())).append('\n');
        }
    }

    /** Metrics CloudWatch reports in bytes, whose thresholds read better with a binary unit beside them. */
    private static final java.util.Set<String> BYTE_METRICS = java.util.Set.of("SwapUsage", "FreeableMemory",
            "BytesUsedForCache", "BytesUsedForCacheItems", "NetworkBytesIn", "NetworkBytesOut");

    /** {@code EngineCPUUtilization Average > 80 for 5/5 × 60s}; {@code SwapUsage Average > 52428800 (50 MiB) …}. */
    static String describe(AlarmSpec s) {
        String threshold = format(s.threshold());
        if (BYTE_METRICS.contains(s.metricName()) && s.threshold() >= 1024) {
            threshold += " (" + binary(s.threshold()) + ")";
        }
        return s.metricName() + " " + s.statistic() + " " + s.comparison().symbol() + " " + threshold
                + " for " + s.datapointsToAlarm() + "/" + s.evaluationPeriods() + " × " + s.period() + "s";
    }

    static String binary(double bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value)) + " " + units[unit];
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
