package io.cachewatch.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.console.ClusterStatus;
import io.cachewatch.console.FleetFilter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator console: {@code /status} (the fleet page for browsers, the same data as JSON otherwise or at
 * {@code /status.json}) with the filters {@code ?firing}, {@code ?cluster=}, {@code ?target=}, and
 * {@code /status/<target>/<region>/<cluster>} (one cluster; {@code .json} for its JSON).
 */
@ApplicationScoped
public class StatusRoutes {
    private final ServeState state;
    private final ObjectMapper json;
    private final StatusPages pages = new StatusPages();

    public StatusRoutes(ServeState state, ObjectMapper json) {
        this.state = state;
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.get("/status").handler(ctx -> {
            if (wantsHtml(ctx)) {
                fleetHtml(ctx);
            } else {
                fleetJson(ctx);
            }
        });
        router.get("/status.json").handler(this::fleetJson);
        router.get("/status.html").handler(this::fleetHtml);
        router.get("/status/:target/:region/:cluster").handler(this::cluster);
    }

    private static boolean wantsHtml(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static FleetFilter filter(RoutingContext ctx) {
        return new FleetFilter(ctx.queryParams().contains("firing"), ctx.queryParams().get("cluster"), ctx.queryParams().get("target"));
    }

    private void fleetJson(RoutingContext ctx) {
        FleetFilter filter = filter(ctx);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ready", state.notReady().isEmpty());
        doc.put("targets", state.targets());
        doc.put("clusters", filter.apply(state.clusters()));
        send(ctx, doc);
    }

    private void fleetHtml(RoutingContext ctx) {
        Map<String, String> notReady = state.notReady();
        List<StatusPages.TargetRow> rows = state.targets().stream()
                .map(t -> StatusPages.TargetRow.of(t, notReady.getOrDefault(t.name(), "discovered"))).toList();
        html(ctx, 200, pages.fleet(state.clusters(), rows, filter(ctx), notReady.isEmpty(), Instant.now()));
    }

    private void cluster(RoutingContext ctx) {
        String id = ctx.pathParam("cluster");
        boolean asJson = id.endsWith(".json");
        String clusterId = asJson ? id.substring(0, id.length() - ".json".length()) : id;
        Optional<ClusterStatus> found = state.clusters().stream().filter(c -> c.target().equals(ctx.pathParam("target"))
                && c.region().equals(ctx.pathParam("region")) && c.id().equals(clusterId)).findFirst();
        if (found.isEmpty()) {
            ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("no cluster " + clusterId + " in " + ctx.pathParam("target") + "/" + ctx.pathParam("region")
                            + " (yet: the console lists what the last reconcile discovered)\n");
        } else if (asJson || !wantsHtml(ctx) && ctx.request().getHeader("Accept") != null && ctx.request().getHeader("Accept").contains("json")) {
            send(ctx, found.get());
        } else {
            TargetStatus target = state.targets().stream().filter(t -> t.name().equals(found.get().target())).findFirst().orElse(null);
            html(ctx, 200, pages.cluster(found.get(), slowlogNote(found.get(), target), auditNote(target)));
        }
    }

    /** What the cluster page says when the slow log found nothing for the cluster. */
    private static String slowlogNote(ClusterStatus c, TargetStatus target) {
        if (target == null || target.slowlog() == null) {
            return "slow-log reads are off";
        }
        if ("memcached".equals(c.engine()) || "serverless".equals(c.kind())) {
            return "no slow log read for " + c.engine() + " " + c.kind() + " clusters";
        }
        return "no findings since serve started (" + StatusPages.slowlog(target.slowlog()) + ")";
    }

    /** What the cluster page says when the cluster has no failing audit result. */
    private static String auditNote(TargetStatus target) {
        if (target == null || target.audit() == null) {
            return "serve does not audit (cachewatch.serve.audit.enabled=false)";
        }
        if (target.audit().lastAudit() == null) {
            return StatusPages.audit(target.audit());
        }
        return "no failing result at the last audit (" + StatusPages.audit(target.audit()) + ")";
    }

    private void send(RoutingContext ctx, Object doc) {
        try {
            ctx.response().putHeader("Content-Type", "application/json").end(json.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private static void html(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Refresh", Integer.toString(StatusPages.REFRESH_SECONDS)).end(body);
    }
}
