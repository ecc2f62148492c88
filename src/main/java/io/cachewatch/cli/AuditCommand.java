package io.cachewatch.cli;

import io.cachewatch.audit.AuditError;
import io.cachewatch.audit.AuditRun;
import io.cachewatch.auditing.AuditNotify;
import io.cachewatch.auditing.AuditNotifyState;
import io.cachewatch.auditing.AuditPipeline;
import io.cachewatch.audit.Finding;
import io.cachewatch.audit.Findings;
import io.cachewatch.audit.Severity;
import io.cachewatch.aws.securityhub.SecurityHubImport;
import io.cachewatch.wiring.Wiring;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.InventoryJson;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.report.AuditAsff;
import io.cachewatch.report.AuditJson;
import io.cachewatch.report.AuditText;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Checks every discovered cluster against the ElastiCache and MemoryDB best practices (security, availability,"
                + " backups, maintenance, operations, monitoring, and cost and performance from CloudWatch metrics over"
                + " cachewatch.audit.lookback): one result per cluster and check (docs/audit.md).",
        footer = {"", "Exit codes: 0 nothing fails at or above --fail-on, 2 something does, 1 errors (results unknown), 64 usage error."})
public class AuditCommand implements Callable<Integer> {
    /** {@code --output}. */
    enum Format { text, json, asff }

    /** {@code --to}. */
    enum Destination {
        security_hub;

        @Override
        public String toString() {
            return "security-hub";
        }
    }

    /** {@code --fail-on}. */
    enum FailOn {
        critical, high, medium, low, never;

        Severity severity() {
            return this == never ? null : Severity.fromId(name());
        }
    }

    @Option(names = "--output", defaultValue = "text", description = "text, json or asff (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    RegionsOption regions;

    @Option(names = "--cluster", paramLabel = "ID", description = "Audit only this cluster; repeatable (default: all).")
    List<String> clusters;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit 2 when a result fails at this severity or above: critical, high, medium, low or never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "Audit a saved inventory (discover --output json) offline: no AWS call; alarms-in-place is then unknown.")
    Path inventory;

    @Option(names = "--to", paramLabel = "DEST", converter = DestinationConverter.class,
            description = "Also send the results there: security-hub (BatchImportFindings in each cluster's region, stable finding ids).")
    Destination to;

    @Option(names = "--notify", description = "Publish newly failing and newly resolved results to the SNS topic of their severity"
            + " (cachewatch.notify.topics.*), in the slow-log findings' Chatbot format; what was sent is kept beside the slow-log state.")
    boolean notify;

    @Mixin
    ProfilesOption profiles;

    @Spec
    CommandSpec spec;

    @Inject
    Wiring wiring;

    @Override
    public Integer call() throws Exception {
        // profile and configuration problems surface before any AWS call
        AuditPipeline.Loaded loaded = AuditPipeline.load(wiring, profiles.directory(wiring));
        if (!loaded.problems().isEmpty()) {
            return print(new AuditRun(List.of(), loaded.problems()), List.of());
        }
        AuditPipeline pipeline = new AuditPipeline(wiring, wiring.aws(), region -> wiring.alarmStore(wiring.aws(), region));
        LocalDate today = LocalDate.now(Clock.systemUTC());
        Fleet fleet;
        AuditRun run;
        if (inventory != null) {
            fleet = only(fromFile());
            run = AuditPipeline.offline(wiring, loaded.inputs(), fleet, today);
        } else {
            AuditPipeline.Audited audited = pipeline.audit(loaded.inputs(), only(pipeline.discover(regions.resolve(wiring))), today);
            fleet = audited.fleet();
            run = audited.run();
        }
        run = unmatchedClusters(run, fleet);
        Map<String, Findings.Resource> resources = new HashMap<>();
        fleet.clusters().forEach(c -> resources.put(c.key(), new Findings.Resource(c.arn(), account(c.arn()))));
        List<Finding> findings = Findings.of(run.results(), resources, Instant.now());
        if (to == Destination.security_hub) {
            run = toSecurityHub(run, findings);
        }
        if (notify) {
            AuditPipeline.Notified notified = pipeline.notify(run, AuditNotifyState.forCommand(wiring.config()));
            AuditNotify.Outcome outcome = notified.outcome();
            spec.commandLine().getErr().println("cachewatch: notify: " + outcome.failing() + " newly failing, " + outcome.resolved()
                    + " resolved, " + outcome.published() + " message(s) published");
            run = notified.run();
        }
        return print(run, findings);
    }

    /** Imports every finding; failures become errors of the run (exit 1). */
    private AuditRun toSecurityHub(AuditRun run, List<Finding> findings) {
        SecurityHubImport.Outcome outcome = new SecurityHubImport(wiring.aws()::securityHub).importAll(findings);
        spec.commandLine().getErr().println("cachewatch: imported " + outcome.imported() + " of " + findings.size() + " findings into Security Hub");
        if (outcome.failures().isEmpty()) {
            return run;
        }
        List<AuditError> errors = new ArrayList<>(run.errors());
        outcome.failures().forEach(f -> errors.add(new AuditError(null, null, "SecurityHub.BatchImportFindings", f)));
        return new AuditRun(run.results(), errors);
    }

    /** {@code security-hub} on the command line. */
    static final class DestinationConverter implements picocli.CommandLine.ITypeConverter<Destination> {
        @Override
        public Destination convert(String value) {
            if ("security-hub".equals(value)) {
                return Destination.security_hub;
            }
            throw new picocli.CommandLine.TypeConversionException("unknown destination '" + value + "' (expected security-hub)");
        }
    }

    private Fleet fromFile() throws java.io.IOException {
        Fleet fleet = InventoryJson.read(inventory);
        if (regions.named().isEmpty()) {
            return fleet;
        }
        return new Fleet(fleet.regions().stream().filter(r -> regions.named().contains(r.region())).toList());
    }

    /** The fleet with only the clusters named by --cluster (all when none are). */
    private Fleet only(Fleet fleet) {
        if (clusters == null || clusters.isEmpty()) {
            return fleet;
        }
        return new Fleet(fleet.regions().stream().map(r -> new RegionInventory(r.region(),
                r.clusters().stream().filter(c -> clusters.contains(c.id())).toList(), r.errors())).toList());
    }

    /** A --cluster that names no discovered cluster is an error: a misspelt gate must not pass silently. */
    private AuditRun unmatchedClusters(AuditRun run, Fleet fleet) {
        if (clusters == null) {
            return run;
        }
        List<AuditError> errors = new ArrayList<>(run.errors());
        for (String id : clusters) {
            if (fleet.clusters().stream().noneMatch(c -> c.id().equals(id))) {
                errors.add(new AuditError(null, id, "--cluster", "no cluster " + id + " in the audited regions"));
            }
        }
        return errors.size() == run.errors().size() ? run : new AuditRun(run.results(), errors);
    }

    /** The account id, the fifth field of an ARN; null when there is none. */
    static String account(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : null;
    }

    private int print(AuditRun run, List<Finding> findings) {
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(AuditJson.render(run, wiring.aws().recorder().snapshot()));
            case asff -> out.println(AuditAsff.render(findings));
            case text -> out.print(AuditText.render(run));
        }
        out.flush();
        if (format != Format.text) {
            run.errors().forEach(e -> spec.commandLine().getErr().println("cachewatch: " + (e.region() == null ? "" : e.region() + " ")
                    + (e.cluster() == null ? "" : e.cluster() + " ") + e.operation() + ": " + e.message()));
        }
        return run.exitCode(failOn.severity());
    }
}
