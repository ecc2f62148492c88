package io.cachewatch.serve;

import io.cachewatch.console.ClusterStatus;
import io.cachewatch.console.FleetFilter;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.ValueResolvers;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's HTML pages, server-rendered from Qute templates in {@code status/} (no JavaScript). Every value is
 * HTML-escaped: cluster ids, tags and slow-log text come from outside.
 */
public final class StatusPages {
    /** Seconds between the browser's reloads (the {@code Refresh} header). */
    public static final int REFRESH_SECONDS = 30;

    private final String css = resource("layout.css");
    private final Template fleet;
    private final Template cluster;

    public StatusPages() {
        Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).addValueResolver(ValueResolvers.rawResolver())
                .addResultMapper(new HtmlEscaper(List.of("text/html"))).build();
        Variant html = new Variant(Locale.ROOT, StandardCharsets.UTF_8, "text/html");
        this.fleet = engine.parse(resource("fleet.html"), html, "fleet.html");
        this.cluster = engine.parse(resource("cluster.html"), html, "cluster.html");
    }

    /**
     * A target's row on the fleet page; the change counts are null before its first run.
     *
     * @param readiness what the target waits for before its first run ends
     */
    public record TargetRow(String name, String regions, TargetStatus.RunResult run, String finishedAgo, String readiness,
                            Long created, Long updated, Long deleted, Long unchanged, Long failed, String slowlog,
                            List<String> errors, String audit, AuditStatus auditStatus) {
        static TargetRow of(TargetStatus t, String readiness) {
            TargetStatus.RunResult run = t.lastRun();
            Map<String, Long> s = run == null ? Map.of() : run.summary();
            return new TargetRow(t.name(), String.join(", ", t.regions()), run, run == null ? null : ServeState.ago(run.finished()),
                    readiness, s.get("create"), s.get("update"), s.get("delete"), s.get("unchanged"), s.get("failed"),
                    StatusPages.slowlog(t.slowlog()), run == null ? List.of() : run.errors().stream().limit(20).toList(),
                    StatusPages.audit(t.audit()), t.audit());
        }
    }

    /** The fleet page's data. */
    public record FleetPage(List<ClusterStatus> clusters, List<TargetRow> targets, FleetFilter filter, int total, int firing,
                            boolean ready, String generated, int refreshSeconds, String css) {
    }

    public String fleet(List<ClusterStatus> all, List<TargetRow> targets, FleetFilter filter, boolean ready, Instant now) {
        List<ClusterStatus> shown = filter.apply(all);
        int firing = (int) all.stream().filter(c -> c.alarms().firing() > 0).count();
        return fleet.data("page", new FleetPage(shown, targets, filter, all.size(), firing, ready, now.toString(), REFRESH_SECONDS, css))
                .render();
    }

    /**
     * @param slowlog what the cluster's slow log shows when it has no findings
     * @param audit   what the audit section shows when the cluster has no failing result
     */
    public String cluster(ClusterStatus c, String slowlog, String audit) {
        return cluster.data("c", c).data("css", css).data("slowlog", slowlog).data("audit", audit).render();
    }

    /** One line on the state of a target's slow-log reads; null when serve reads none. */
    static String slowlog(SlowlogStatus s) {
        if (s == null) {
            return "off";
        }
        if (s.lastPoll() == null) {
            return s.waiting() == null ? "first poll pending" : s.waiting();
        }
        StringBuilder b = new StringBuilder(s.ok() ? "ok " : "errors ").append(ServeState.ago(s.lastPoll())).append(": ")
                .append(s.nodesRead()).append(" nodes read");
        if (s.nodesFailed() > 0) {
            b.append(", ").append(s.nodesFailed()).append(" unreachable");
            s.failures().stream().findFirst().ifPresent(f -> b.append(" (").append(f.cluster()).append('/').append(f.node())
                    .append(": ").append(f.reason()).append(')'));
        }
        s.fallbacks().stream().findFirst().ifPresent(f -> b.append(", ").append(s.fallbacks().size())
                .append(" without COMMANDLOG (").append(f.cluster()).append('/').append(f.node()).append(": ").append(f.reason()).append(')'));
        s.findings().forEach((severity, n) -> b.append(", ").append(n).append(' ').append(severity));
        if (s.pending() > 0) {
            b.append(", ").append(s.pending()).append(" pending");
        }
        if (!s.errors().isEmpty()) {
            b.append(": ").append(s.errors().get(0));
        }
        return b.toString();
    }

    /** One line on a target's last audit; "off" when serve does not audit. */
    static String audit(AuditStatus a) {
        if (a == null) {
            return "off";
        }
        if (a.lastAudit() == null) {
            return a.waiting() != null ? a.waiting() : a.errors().isEmpty() ? "first audit pending" : a.errors().get(0);
        }
        StringBuilder b = new StringBuilder(a.ok() ? "ok " : "errors ").append(ServeState.ago(a.lastAudit())).append(": ");
        Object bySeverity = a.summary().get("failBySeverity");
        b.append(a.summary().getOrDefault("fail", 0L)).append(" failing");
        if (bySeverity instanceof Map<?, ?> counts) {
            List<String> parts = new java.util.ArrayList<>();
            counts.forEach((severity, n) -> {
                if (n instanceof Number number && number.longValue() > 0) {
                    parts.add(n + " " + severity);
                }
            });
            if (!parts.isEmpty()) {
                b.append(" (").append(String.join(", ", parts)).append(')');
            }
        }
        b.append(", ").append(a.summary().getOrDefault("pass", 0L)).append(" pass, ")
                .append(a.summary().getOrDefault("unknown", 0L)).append(" unknown");
        if (!a.errors().isEmpty()) {
            b.append("; ").append(a.errors().size()).append(" error(s), first: ").append(a.errors().get(0));
        }
        return b.toString();
    }

    private static String resource(String name) {
        try (InputStream in = StatusPages.class.getResourceAsStream("/status/" + name)) {
            if (in == null) {
                throw new IllegalStateException("status/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
