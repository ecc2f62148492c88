package io.cachewatch.cli;

import io.cachewatch.wiring.Wiring;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.aws.sns.SnsPublisher;
import io.cachewatch.collect.SlowlogCollector;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.config.StateSettings;
import io.cachewatch.collect.StateNotWritableException;
import io.cachewatch.inventory.DiscoveryError;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.redis.SlowlogVertx;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.VisibleText;
import io.cachewatch.slowlog.Finding;
import io.cachewatch.slowlog.NodeFailure;
import io.cachewatch.slowlog.SlowlogPoll;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.smallrye.common.annotation.Identifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

@Command(name = "slowlog", mixinStandardHelpOptions = true,
        description = "Reads SLOWLOG from every Redis OSS/Valkey/MemoryDB node, turns it into findings (command, key pattern, client; never values) and publishes them to SNS in the AWS Chatbot format.")
public class SlowlogCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(SlowlogCommand.class);

    @Option(names = "--once", description = "Read every node once, forward, print, exit (1 if any node could not be read). Without it: poll every cachewatch.slowlog.interval until SIGTERM or Ctrl-C, then exit 0.")
    boolean once;

    @Option(names = "--dry-run", description = "Print findings only: publish nothing, keep no state.")
    boolean dryRun;

    @Mixin
    OutputOption output;

    @Mixin
    RegionsOption regions;

    @Option(names = "--cluster", paramLabel = "ID", description = "Only this cluster; repeatable (default: every cluster).")
    List<String> clusters;

    @Spec
    CommandSpec spec;

    @Inject
    Wiring wiring;

    @Inject
    @Identifier(SlowlogVertx.NAME)
    Instance<Vertx> vertx; // made on first use: the other commands never start its threads

    @Override
    public Integer call() throws Exception {
        CachewatchConfig.Slowlog config = wiring.config().slowlog();
        CountDownLatch stop = new CountDownLatch(1);
        if (!once) {
            // SIGTERM (ECS, docker stop) or Ctrl-C: finish the current poll, its state saved, and exit 0
            Signal.handle(new Signal("TERM"), s -> stop.countDown());
            Signal.handle(new Signal("INT"), s -> stop.countDown());
        }
        if (!dryRun && StateSettings.dynamoDb(wiring.config().state())) {
            spec.commandLine().getErr().println("cachewatch: slowlog keeps its state in " + Path.of(config.stateFile()).toAbsolutePath()
                    + "; cachewatch.state.store=dynamodb is serve's, shared by its tasks under leases (docs/deploy.md, \"High availability\")");
        }
        SlowlogCollector built;
        try {
            built = new SlowlogCollector(wiring.config(), vertx.get(), wiring.aws(), Path.of(config.stateFile()), dryRun, clusters);
        } catch (StateNotWritableException e) {
            // before any read or message: a run without its state would send every finding again next time
            SlowlogPoll.Outcome nothing = SlowlogPoll.Outcome.empty();
            print(nothing, List.of(), null, List.of(), List.of(e.getMessage()));
            if (!output.json()) {
                spec.commandLine().getErr().println("cachewatch: " + e.getMessage());
            }
            return ReconcileReport.EXIT_ERRORS;
        }
        try (SlowlogCollector collector = built) {
            Fleet fleet = wiring.discovery().discover(regions.resolve(wiring));
            fleet.errors().forEach(e -> spec.commandLine().getErr().println("discovery " + e.region() + " " + e.operation() + ": " + e.message()));
            while (true) {
                long started = System.nanoTime();
                SlowlogCollector.Result result = collector.pollOnce(fleet.clusters());
                result.metricErrors().forEach(e -> spec.commandLine().getErr().println("metrics: " + e));
                print(result.outcome(), result.skipped(), result.delivery(), fleet.errors(), List.of());
                boolean failed = !result.ok() || !fleet.errors().isEmpty();
                if (once) {
                    return failed ? ReconcileReport.EXIT_ERRORS : ReconcileReport.EXIT_OK;
                }
                // polls start every interval (not an interval after the last one ended), so reading many nodes does
                // not stretch the time from a slow command to its message beyond about one interval
                long wait = config.interval().toNanos() - (System.nanoTime() - started);
                if (stop.await(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                    LOG.info("stopped");
                    return ReconcileReport.EXIT_OK;
                }
            }
        }
    }

    /**
     * One line of the text report: key patterns, client names, node names and server errors come from the data plane,
     * so control and escape characters are shown, never interpreted (a key cannot clear the screen or forge a line).
     */
    private static void line(PrintWriter out, String text) {
        out.println(VisibleText.of(text));
    }

    /** @param errors what stopped the run before it read anything (the state file not writable) */
    private void print(SlowlogPoll.Outcome outcome, List<String> skipped, SnsPublisher.Result delivery,
                       List<DiscoveryError> discoveryErrors, List<String> errors) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String mode = dryRun ? "dry-run" : "sent";
        if (output.json()) {
            ObjectNode root = JSON.createObjectNode();
            root.put("mode", dryRun ? "dry-run" : "publish");
            ArrayNode findings = root.putArray("findings");
            for (Finding f : outcome.findings()) {
                ObjectNode n = findings.addObject();
                n.put("cluster", f.cluster().id()).put("region", f.cluster().region()).put("engine", f.cluster().engine())
                        .put("kind", f.kind().id()).put("severity", f.severity().id()).put("count", f.count())
                        .put("log", f.kind().log().id());
                String unit = f.kind().log().measuresSize() ? "Bytes" : "Micros";
                n.put("max" + unit, f.max()).put("p50" + unit, f.p50()).put("p99" + unit, f.p99())
                        .put("lost", f.lost()).put("status", outcome.suppressed().contains(f) ? "suppressed" : mode);
                ArrayNode patterns = n.putArray("patterns");
                f.topPatterns().forEach(p -> patterns.addObject().put("command", p.command()).put("keyPattern", p.keyPattern())
                        .put("count", p.count()).put("max" + unit, p.max()));
                ArrayNode clients = n.putArray("clients");
                f.topClients().forEach(c -> clients.addObject().put("name", c.name()).put("host", c.host()).put("count", c.count()));
                ArrayNode nodes = n.putArray("nodes");
                f.nodes().forEach(nodes::add);
            }
            ArrayNode failures = root.putArray("failures");
            outcome.failures().forEach(x -> failures.addObject().put("cluster", x.cluster()).put("node", x.node()).put("reason", x.reason()));
            discoveryErrors.forEach(e -> failures.addObject().put("cluster", "-").put("node", e.region()).put("reason", "discovery " + e.operation() + ": " + e.message()));
            ArrayNode fallbacks = root.putArray("commandlogFallbacks");
            outcome.fallbacks().forEach(x -> fallbacks.addObject().put("cluster", x.cluster()).put("node", x.node()).put("reason", x.reason()));
            ArrayNode skippedNodes = root.putArray("skipped");
            skipped.forEach(skippedNodes::add);
            ObjectNode summary = root.putObject("summary");
            summary.put("nodesRead", outcome.nodesRead()).put("nodesFailed", outcome.failures().size())
                    .put("findings", outcome.findings().size()).put("suppressed", outcome.suppressed().size())
                    .put("published", delivery == null ? 0 : delivery.published())
                    .put("pending", delivery == null ? 0 : delivery.pending())
                    .put("dropped", delivery == null ? 0 : delivery.dropped());
            ArrayNode restarted = summary.putArray("restartedNodes");
            outcome.restartedNodes().forEach(restarted::add);
            ArrayNode deliveryErrors = root.putArray("deliveryErrors");
            if (delivery != null) {
                delivery.errors().forEach(deliveryErrors::add);
            }
            ArrayNode runErrors = root.putArray("errors");
            errors.forEach(runErrors::add);
            root.set("apiCalls", JSON.valueToTree(wiring.aws().recorder().snapshot()));
            out.println(JSON.writeValueAsString(root));
        } else if (errors.isEmpty()) {
            for (Finding f : outcome.findings()) {
                line(out, f.severity().id().toUpperCase() + " " + f.headline() + " ["
                        + (outcome.suppressed().contains(f) ? "suppressed" : mode) + "]");
                f.topPatterns().forEach(p -> line(out, "    " + p.label() + "  ×" + p.count() + "  max " + f.format(p.max())));
                if (!f.topClients().isEmpty()) {
                    line(out, "    clients: " + String.join(", ", f.topClients().stream().map(c -> c.label() + " ×" + c.count()).toList()));
                }
            }
            for (NodeFailure x : outcome.failures()) {
                line(out, "FAILED " + x.cluster() + "/" + x.node() + ": " + x.reason());
            }
            for (NodeFailure x : outcome.fallbacks()) {
                line(out, "NO COMMANDLOG " + x.cluster() + "/" + x.node() + ": " + x.reason());
            }
            skipped.forEach(s -> line(out, "skipped " + s));
            if (delivery != null) {
                delivery.errors().forEach(e -> line(out, "NOT DELIVERED " + e));
            }
            line(out, outcome.nodesRead() + " nodes read, " + outcome.failures().size() + " failed, " + outcome.findings().size()
                    + " findings (" + outcome.suppressed().size() + " suppressed), "
                    + (delivery == null ? "nothing published (dry run)" : delivery.published() + " published, "
                    + delivery.pending() + " pending, " + delivery.dropped() + " dropped"));
        }
        out.flush();
    }
}
