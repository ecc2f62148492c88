package io.cachewatch.auditing;

import io.cachewatch.alarm.AlarmStore;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.audit.AlarmCoverage;
import io.cachewatch.audit.AlarmCoverages;
import io.cachewatch.audit.AuditError;
import io.cachewatch.audit.AuditRun;
import io.cachewatch.audit.Auditor;
import io.cachewatch.aws.AwsClients;
import io.cachewatch.aws.cloudwatch.CloudWatchMetricReader;
import io.cachewatch.inventory.DiscoveryError;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.usage.FleetUsage;
import io.cachewatch.wiring.AuditUsage;
import io.cachewatch.wiring.ProfileLoading;
import io.cachewatch.wiring.Wiring;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One audit, as the {@code audit} command and every serve target run it: the profiles (their audit policies and the
 * alarms cachewatch would manage), discovery with posture on one account's clients, one DescribeAlarms walk per region
 * for alarms-in-place, one GetMetricData pass per region for the usage checks, the auditor, and notify
 * ({@link AuditNotify}).
 */
public final class AuditPipeline {
    /** What an audit takes from the profiles: the audit policies and the alarms cachewatch would manage. */
    public record Inputs(ProfileCatalog catalog, DesiredAlarms desired) {
    }

    /** @param inputs null when there are problems */
    public record Loaded(Inputs inputs, List<AuditError> problems) {
    }

    /** One audit of a live fleet: the run and the fleet it judged (as discovered: ARNs for findings). */
    public record Audited(AuditRun run, Fleet fleet) {
    }

    private final Wiring wiring;
    private final AwsClients clients;
    private final Function<String, AlarmStore> alarmStores;

    /**
     * @param clients     the account's clients (a serve target's, or the command's)
     * @param alarmStores region → the alarm store to list managed alarms with (serve passes the target's, paced with
     *                    its reconcile)
     */
    public AuditPipeline(Wiring wiring, AwsClients clients, Function<String, AlarmStore> alarmStores) {
        this.wiring = wiring;
        this.clients = clients;
        this.alarmStores = alarmStores;
    }

    /**
     * The profiles with their audit policies checked ({@link ProfileLoading}), and the configuration that depends on them;
     * the problems when they cannot be used. A configuration that names missing profiles throws a usage error.
     */
    public static Loaded load(Wiring wiring, Path profilesDir) {
        ProfileLoading.Loaded loaded = ProfileLoading.load(profilesDir);
        if (!loaded.problems().isEmpty()) {
            return new Loaded(null, loaded.problems().stream().map(p -> new AuditError(null, null, "profile", p.toString())).toList());
        }
        return new Loaded(new Inputs(loaded.catalog(), wiring.desiredAlarms(loaded.catalog())), List.of());
    }

    /** The clusters of these regions, with the posture their listings carry. */
    public Fleet discover(List<String> regions) {
        return wiring.discovery(clients).discover(regions);
    }

    /**
     * Reads the posture the listings lack, the managed alarms and the usage metrics (one GetMetricData pass per region,
     * {@link AuditUsage}), then judges every cluster of the fleet.
     */
    public Audited audit(Inputs in, Fleet discovered, LocalDate today) {
        Fleet fleet = PostureReaders.enrich(discovered, clients);
        Map<String, AlarmCoverage> coverage = new HashMap<>();
        Map<String, String> failedRegions = readAlarms(fleet, in.desired(), coverage);
        List<DiscoveryError> errors = new ArrayList<>();
        failedRegions.forEach((region, why) -> errors.add(new DiscoveryError(region, "CloudWatch.DescribeAlarms", why)));
        AuditUsage.Read usage = AuditUsage.read(fleet, new CloudWatchMetricReader(clients::cloudWatch), wiring.config().audit().lookback(),
                Instant.now());
        errors.addAll(usage.errors());
        if (!errors.isEmpty()) {
            fleet = withErrors(fleet, errors);
        }
        AuditRun run = auditor(wiring, in).run(fleet, today, coverage, c -> failedRegions.getOrDefault(c.region(), "the alarms were not read"),
                usage.usage());
        return new Audited(run, discovered);
    }

    /** Judges a saved inventory: no AWS call, so alarms-in-place and the usage checks are unknown. */
    public static AuditRun offline(Wiring wiring, Inputs in, Fleet fleet, LocalDate today) {
        return auditor(wiring, in).run(fleet, today, Map.of(), c -> "not read: --inventory audits offline, without CloudWatch",
                FleetUsage.notRead(wiring.config().audit().lookback(), "not read: --inventory audits offline, without CloudWatch metrics"));
    }

    /** Publishes what changed since the last notified audit; delivery failures become errors of the run. */
    public Notified notify(AuditRun run, AuditNotifyState state) {
        AuditNotify.Outcome outcome = AuditNotify.run(run.results(), state, wiring.config(), clients::sns);
        if (outcome.errors().isEmpty()) {
            return new Notified(run, outcome);
        }
        List<AuditError> errors = new ArrayList<>(run.errors());
        outcome.errors().forEach(e -> errors.add(new AuditError(null, null, "Sns.PublishBatch", e)));
        return new Notified(new AuditRun(run.results(), errors), outcome);
    }

    /** An audit after notify: its run (with the delivery errors) and what notify did. */
    public record Notified(AuditRun run, AuditNotify.Outcome outcome) {
    }

    private static Auditor auditor(Wiring wiring, Inputs in) {
        return new Auditor(in.catalog(), wiring.selector());
    }

    /** One DescribeAlarms walk per region; region → why it failed for the regions where it did. */
    private Map<String, String> readAlarms(Fleet fleet, DesiredAlarms desired, Map<String, AlarmCoverage> coverage) {
        Map<String, String> failed = new HashMap<>();
        String prefix = wiring.config().alarms().prefix();
        for (RegionInventory region : fleet.regions()) {
            if (region.clusters().isEmpty()) {
                continue;
            }
            try {
                coverage.putAll(AlarmCoverages.of(region, desired.forRegion(region), alarmStores.apply(region.region()).listManaged(prefix)));
            } catch (RuntimeException e) {
                failed.put(region.region(), "DescribeAlarms failed: " + e.getMessage());
            }
        }
        return failed;
    }

    private static Fleet withErrors(Fleet fleet, List<DiscoveryError> more) {
        return new Fleet(fleet.regions().stream().map(r -> {
            List<DiscoveryError> errors = new ArrayList<>(r.errors());
            more.stream().filter(e -> e.region().equals(r.region())).forEach(errors::add);
            return new RegionInventory(r.region(), r.clusters(), errors);
        }).toList());
    }
}
