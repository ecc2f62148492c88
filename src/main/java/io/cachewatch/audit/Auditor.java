package io.cachewatch.audit;

import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.profile.AuditPolicy;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileChoice;
import io.cachewatch.profile.ProfileSelector;
import io.cachewatch.usage.FleetUsage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the catalog over a fleet: one result per cluster and check, with the cluster's profile policy (disabled checks,
 * severities, parameters) and waivers applied. Pure: alarm coverage comes in already read.
 */
public final class Auditor {
    private final ProfileCatalog profiles;
    private final ProfileSelector selector;
    private final List<AuditCheck> checks;

    public Auditor(ProfileCatalog profiles, ProfileSelector selector) {
        this(profiles, selector, CheckCatalog.ALL);
    }

    Auditor(ProfileCatalog profiles, ProfileSelector selector, List<AuditCheck> checks) {
        this.profiles = profiles;
        this.selector = selector;
        this.checks = List.copyOf(checks);
    }

    /**
     * @param alarms        cluster key → coverage; a cluster missing from it has alarms-in-place unknown
     * @param alarmsUnknown why a cluster's coverage is missing (region key → reason), or a general reason under ""
     */
    public AuditRun run(Fleet fleet, LocalDate today, Map<String, AlarmCoverage> alarms, Function<Cluster, String> alarmsUnknown) {
        return run(fleet, today, alarms, alarmsUnknown, FleetUsage.notRead(java.time.Duration.ZERO, "usage was not read"));
    }

    /**
     * @param usage the clusters' metric figures over the lookback (the usage checks' input), or why they are unknown
     */
    public AuditRun run(Fleet fleet, LocalDate today, Map<String, AlarmCoverage> alarms, Function<Cluster, String> alarmsUnknown,
                        FleetUsage usage) {
        List<AuditResult> results = new ArrayList<>();
        List<AuditError> errors = new ArrayList<>();
        fleet.errors().forEach(e -> errors.add(new AuditError(e.region(), null, e.operation(), e.message())));
        for (Cluster cluster : fleet.clusters()) {
            if (DesiredAlarms.gone(cluster)) {
                continue;
            }
            audit(cluster, today, alarms.get(cluster.key()), alarmsUnknown.apply(cluster), usage, results, errors);
        }
        return new AuditRun(results, errors);
    }

    private void audit(Cluster cluster, LocalDate today, AlarmCoverage coverage, String alarmsUnknown, FleetUsage usage, List<AuditResult> results,
                       List<AuditError> errors) {
        ProfileChoice choice = selector.choose(cluster.tags());
        boolean ignored = choice instanceof ProfileChoice.Ignore;
        AuditPolicy policy = AuditPolicy.DEFAULTS;
        String profileName = null;
        if (choice instanceof ProfileChoice.Use use) {
            profileName = use.profile();
            if (profiles.contains(use.profile())) {
                policy = profiles.auditPolicy(use.profile());
            } else {
                errors.add(new AuditError(cluster.region(), cluster.id(), "profile", "profile '" + use.profile() + "' (chosen by "
                        + use.because() + ") does not exist; the default audit policy applies"));
            }
        }
        Waivers waivers = Waivers.read(cluster.tags());
        waivers.problems().forEach(p -> errors.add(new AuditError(cluster.region(), cluster.id(), "waiver", p)));
        if (cluster.posture() == null) {
            errors.add(new AuditError(cluster.region(), cluster.id(), "posture",
                    "the inventory has no posture for this cluster (written by an older discover): its settings are unknown"));
        }
        CheckContext ctx = new CheckContext(cluster, policy, today, coverage, alarmsUnknown, ignored, usage.byCluster().get(cluster.key()),
                usage.whyUnknown(cluster.key()));
        for (AuditCheck check : checks) {
            Outcome outcome = policy.isDisabled(check.id())
                    ? Outcome.notApplicable("disabled by the audit policy of profile " + profileName)
                    : check.evaluate().apply(ctx);
            AuditPolicy.Setting override = policy.severities().get(check.id());
            Severity severity = override != null ? Severity.fromId(override.value())
                    : outcome.severity() != null ? outcome.severity() : check.severity();
            String waiver = waivers.reasons().get(check.id());
            Status status = outcome.status() == Status.FAIL && waiver != null ? Status.WAIVED : outcome.status();
            results.add(new AuditResult(check.id(), status, severity, cluster.region(), cluster.ref().kind(), cluster.id(),
                    outcome.evidence(), outcome.reason(), status == Status.FAIL || status == Status.WAIVED ? check.remediation() : null,
                    waiver));
        }
    }
}
