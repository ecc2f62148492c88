package io.cachewatch.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/** {@code /status}: the last reconcile and slow-log poll per target as JSON, or as a small HTML page for browsers ({@code /status.html}). */
@ApplicationScoped
public class StatusRoutes {
    private final ServeState state;
    private final ObjectMapper json;

    public StatusRoutes(ServeState state, ObjectMapper json) {
        this.state = state;
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.get("/status").handler(ctx -> {
            String accept = ctx.request().getHeader("Accept");
            if (accept != null && accept.contains("text/html")) {
                html(ctx);
            } else {
                json(ctx);
            }
        });
        router.get("/status.json").handler(this::json);
        router.get("/status.html").handler(this::html);
    }

    private void json(RoutingContext ctx) {
        try {
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(Map.of("targets", state.targets(), "ready", state.notReady().isEmpty())));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private void html(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(render(state.targets()));
    }

    static String render(List<TargetStatus> targets) {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>cachewatch status</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left;vertical-align:top}"
                + ".ok{color:#060}.bad{color:#a00}</style></head><body><h1>cachewatch</h1><table><tr><th>target</th><th>regions</th>"
                + "<th>discovered</th><th>last run</th><th>changes</th><th>clusters / nodes</th><th>last success</th><th>errors</th></tr>");
        for (TargetStatus t : targets) {
            TargetStatus.RunResult run = t.lastRun();
            b.append("<tr><td>").append(esc(t.name())).append("</td><td>").append(esc(String.join(", ", t.regions())))
                    .append("</td><td class=\"").append(t.discovered() ? "ok\">yes" : "bad\">no").append("</td><td>");
            if (run == null) {
                b.append("pending</td><td></td><td></td>");
            } else {
                b.append("<span class=\"").append(run.ok() ? "ok\">ok" : "bad\">failed").append("</span> ")
                        .append(esc(ServeState.ago(run.finished()))).append("</td><td>").append(esc(run.summary().toString()))
                        .append("</td><td>").append(esc(run.clusters().toString())).append(" / ").append(esc(run.nodes().toString()))
                        .append("</td>");
            }
            b.append("<td>").append(esc(ServeState.ago(t.lastSuccess()))).append("</td><td>");
            if (run != null) {
                run.errors().stream().limit(20).forEach(e -> b.append(esc(e)).append("<br>"));
            }
            b.append("</td></tr>");
        }
        b.append("</table>");
        if (targets.stream().anyMatch(t -> t.slowlog() != null)) {
            slowlog(b, targets);
        }
        return b.append("<p><a href=\"/q/metrics\">metrics</a> · <a href=\"/q/health\">health</a> · "
                + "<a href=\"/status.json\">JSON</a></p></body></html>").toString();
    }

    private static void slowlog(StringBuilder b, List<TargetStatus> targets) {
        b.append("<h2>Slow log</h2><table><tr><th>target</th><th>last poll</th><th>nodes read</th><th>unreachable</th>"
                + "<th>findings</th><th>published / pending / dropped</th><th>errors</th></tr>");
        for (TargetStatus t : targets) {
            SlowlogStatus s = t.slowlog();
            if (s == null) {
                continue;
            }
            b.append("<tr><td>").append(esc(t.name())).append("</td><td>");
            if (s.lastPoll() == null) {
                b.append(esc(s.waiting() == null ? "pending" : s.waiting())).append("</td><td></td><td></td><td></td><td></td><td>");
            } else {
                b.append("<span class=\"").append(s.ok() ? "ok\">ok" : "bad\">errors").append("</span> ")
                        .append(esc(ServeState.ago(s.lastPoll()))).append("</td><td>").append(s.nodesRead()).append("</td><td>");
                s.failures().stream().limit(20).forEach(f -> b.append("<span class=\"bad\">").append(esc(f.cluster() + "/" + f.node()))
                        .append("</span>: ").append(esc(f.reason())).append("<br>"));
                b.append("</td><td>").append(s.findings().isEmpty() ? "none" : esc(s.findings().toString()));
                if (s.suppressed() > 0) {
                    b.append(" (").append(s.suppressed()).append(" suppressed)");
                }
                b.append("</td><td>").append(s.published()).append(" / ").append(s.pending()).append(" / ").append(s.dropped()).append("</td><td>");
            }
            s.errors().stream().limit(20).forEach(e -> b.append(esc(e)).append("<br>"));
            b.append("</td></tr>");
        }
        b.append("</table>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
