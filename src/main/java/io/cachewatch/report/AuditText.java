package io.cachewatch.report;

import io.cachewatch.audit.Area;
import io.cachewatch.audit.AuditResult;
import io.cachewatch.audit.AuditRun;
import io.cachewatch.audit.CheckCatalog;
import io.cachewatch.audit.Status;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Text output of {@code audit}: per region and cluster one line per area (how many checks pass, fail, …), then every
 * result that is not a pass or not-applicable with its reason; a summary line at the end.
 */
public final class AuditText {
    private AuditText() {
    }

    public static String render(AuditRun run) {
        StringBuilder out = new StringBuilder();
        Map<String, Map<String, List<AuditResult>>> byRegion = new LinkedHashMap<>();
        for (AuditResult r : run.results()) {
            byRegion.computeIfAbsent(r.region(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.kind() + " " + r.cluster(), k -> new java.util.ArrayList<>()).add(r);
        }
        byRegion.forEach((region, clusters) -> {
            out.append("Region ").append(region).append('\n');
            clusters.forEach((cluster, results) -> {
                out.append("  ").append(cluster).append('\n');
                Map<Area, List<AuditResult>> byArea = new EnumMap<>(Area.class);
                results.forEach(r -> byArea.computeIfAbsent(area(r), k -> new java.util.ArrayList<>()).add(r));
                byArea.forEach((area, list) -> out.append(String.format("    %-13s %s%n", area.id(), counts(list))));
                for (AuditResult r : results) {
                    if (r.status() == Status.PASS || r.status() == Status.NOT_APPLICABLE) {
                        continue;
                    }
                    out.append(String.format("    %-8s %-27s %-8s %s%s%n", r.status().id().toUpperCase(java.util.Locale.ROOT),
                            r.check(), r.severity().id(), r.reason(), r.waiver() == null ? "" : " (waived: " + r.waiver() + ")"));
                }
            });
        });
        run.errors().forEach(e -> out.append("error: ").append(e.region() == null ? "" : e.region() + " ")
                .append(e.cluster() == null ? "" : e.cluster() + " ").append(e.operation()).append(": ").append(e.message()).append('\n'));
        Map<Status, Long> c = run.countByStatus();
        out.append(String.format("Audit: %d pass, %d fail, %d waived, %d not applicable, %d unknown, %d pending; failing by severity: %s%n",
                c.get(Status.PASS), c.get(Status.FAIL), c.get(Status.WAIVED), c.get(Status.NOT_APPLICABLE), c.get(Status.UNKNOWN),
                c.get(Status.PENDING), run.failBySeverity().entrySet().stream().map(e -> e.getKey().id() + " " + e.getValue())
                        .collect(Collectors.joining(", "))));
        return out.toString();
    }

    private static Area area(AuditResult r) {
        return CheckCatalog.find(r.check()).orElseThrow().area();
    }

    private static String counts(List<AuditResult> results) {
        Map<Status, Long> n = new EnumMap<>(Status.class);
        results.forEach(r -> n.merge(r.status(), 1L, Long::sum));
        return n.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", "));
    }
}
