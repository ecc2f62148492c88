package io.cachewatch.audit;

import static io.cachewatch.audit.Evidence.of;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import io.cachewatch.posture.MemberPosture;
import io.cachewatch.posture.Posture;
import io.cachewatch.posture.ServiceUpdate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks of area maintenance. */
final class MaintenanceChecks {
    private MaintenanceChecks() {
    }

    static final AuditCheck AUTO_MINOR = new AuditCheck("auto-minor-version-upgrade", "Minor engine versions are applied automatically",
            Area.MAINTENANCE, List.of("EC §6 Enable auto-minor version upgrades to patch security vulnerabilities",
                    "MDB §6 Enable auto minor version upgrades for patching vulnerabilities"),
            "ElastiCache Valkey ≥ 7.2 and Redis OSS ≥ 6.0 (node-based), MemoryDB; serverless (applied by the service) and Memcached not applicable",
            Severity.MEDIUM, List.of("autoMinorVersionUpgrade", "engineVersion"),
            "ElastiCache: aws elasticache modify-replication-group --auto-minor-version-upgrade (modify-cache-cluster for a"
                    + " standalone cluster), in place. MemoryDB: the setting is fixed at creation (UpdateCluster does not take it):"
                    + " create a new cluster from a snapshot with --auto-minor-version-upgrade.",
            "ElastiCache.2", "elasticache-auto-minor-version-upgrade-check", MaintenanceChecks::autoMinor);

    static Outcome autoMinor(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.notApplicable("serverless caches get minor versions and patches from the service");
        }
        if (Shapes.memcached(c)) {
            return Outcome.notApplicable("AutoMinorVersionUpgrade applies to Valkey ≥ 7.2 and Redis OSS ≥ 6.0 only");
        }
        Shapes.Members<Boolean> members = Shapes.members(c, MemberPosture::autoMinorVersionUpgrade);
        Boolean value = p.autoMinorVersionUpgrade() != null ? p.autoMinorVersionUpgrade() : (members.agree() && !members.anyUnknown()
                ? members.byMember().values().iterator().next() : null);
        Map<String, Object> evidence = of("autoMinorVersionUpgrade", p.autoMinorVersionUpgrade() != null ? value : members.evidence(),
                "engineVersion", c.engineVersion());
        if (c.kind() == ClusterKind.ELASTICACHE) {
            EngineVersion version = EngineVersion.parse(c.engineVersion());
            if (version == null) {
                return Outcome.unknown("the engine version was not returned, so whether the setting applies is unknown", evidence);
            }
            boolean supported = c.engine() == Engine.VALKEY ? version.atLeast(7, 2) : version.atLeast(6, 0);
            if (!supported) {
                return Outcome.notApplicable(Shapes.engineName(c) + " " + c.engineVersion() + " does not support automatic minor upgrades");
            }
        }
        if (!members.agree() && p.autoMinorVersionUpgrade() == null) {
            List<String> off = members.where(Boolean.FALSE::equals);
            if (!off.isEmpty()) {
                return Outcome.fail("members " + String.join(", ", off) + " do not upgrade automatically", evidence);
            }
        }
        if (value == null) {
            return Outcome.unknown(p.whyUnknown("AutoMinorVersionUpgrade"), evidence);
        }
        return value ? Outcome.pass("automatic minor version upgrades are on", evidence)
                : Outcome.fail("automatic minor version upgrades are off", evidence);
    }

    static final AuditCheck END_OF_LIFE = new AuditCheck("engine-end-of-life", "The engine version is in standard support",
            Area.MAINTENANCE, List.of("EC §6 Plan version upgrades carefully", "MDB §6 Upgrade Redis engine versions in staging before production"),
            "ElastiCache Redis OSS (node-based and serverless) from a dated table; Valkey, Memcached and MemoryDB have no dates recorded (unknown)",
            Severity.HIGH, List.of("engine", "engineVersion", "endOfStandardSupport", "after", "source"),
            "Upgrade in place to a supported version, preferably Valkey (aws elasticache modify-replication-group --engine valkey"
                    + " --engine-version …, or --engine-version for a newer Redis OSS); test the version in staging first.",
            null, "elasticache-supported-engine-version", MaintenanceChecks::endOfLife);

    static Outcome endOfLife(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Map<String, Object> evidence = of("engine", c.engine().id(), "engineVersion", c.engineVersion());
        if (!EngineLifecycle.tracked(c.kind(), c.engine())) {
            return Outcome.unknown("no end-of-support dates are recorded for " + Shapes.engineName(c)
                    + (c.kind() == ClusterKind.MEMORYDB ? " on MemoryDB" : "") + " (table as of " + EngineLifecycle.AS_OF + ")", evidence);
        }
        EngineVersion version = EngineVersion.parse(c.engineVersion());
        if (version == null) {
            return Outcome.unknown("the engine version was not returned", evidence);
        }
        Optional<EngineLifecycle.Entry> entry = EngineLifecycle.find(c.kind(), c.engine(), version);
        if (entry.isEmpty()) {
            return Outcome.pass("no end of standard support announced for Redis OSS " + c.engineVersion()
                    + " (table as of " + EngineLifecycle.AS_OF + ")", evidence);
        }
        LocalDate end = entry.get().endOfStandardSupport();
        evidence.put("endOfStandardSupport", end.toString());
        evidence.put("after", entry.get().note());
        evidence.put("source", entry.get().source());
        if (ctx.today().isAfter(end)) {
            return Outcome.fail("standard support ended " + end + " (" + entry.get().note() + ")", evidence);
        }
        long days = ChronoUnit.DAYS.between(ctx.today(), end);
        if (days <= EngineLifecycle.WARN_DAYS) {
            return Outcome.fail("standard support ends " + end + ", in " + days + " days", evidence).withSeverity(Severity.MEDIUM);
        }
        return Outcome.pass("standard support until " + end, evidence);
    }

    static final AuditCheck SECURITY_UPDATES = new AuditCheck("security-updates", "Security updates are applied by their date",
            Area.MAINTENANCE, List.of("EC §6 Apply maintenance updates during low-traffic windows",
                    "EC §6 Enable auto-minor version upgrades to patch security vulnerabilities"),
            "ElastiCache node-based, MemoryDB; serverless not applicable (updated by the service)",
            Severity.HIGH, List.of("overdue", "open"),
            "Apply the update now (aws elasticache batch-apply-update-action --service-update-name … --replication-group-ids …;"
                    + " MemoryDB: aws memorydb batch-update-cluster --cluster-names … --service-update …), in a low-traffic window.",
            null, null, MaintenanceChecks::securityUpdates);

    /** Update action statuses that mean the update is being applied. */
    private static final Set<String> UNDER_WAY = Set.of("in-progress", "scheduling", "scheduled", "waiting-to-start");

    static Outcome securityUpdates(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.notApplicable("serverless caches are updated by the service");
        }
        if (p.updates() == null) {
            return Outcome.unknown(p.unknown().getOrDefault("updates", "service updates were not read"), of());
        }
        List<ServiceUpdate> security = p.updates().stream().filter(u -> "security-update".equals(u.type())).toList();
        List<ServiceUpdate> overdue = new ArrayList<>();
        List<ServiceUpdate> underWay = new ArrayList<>();
        for (ServiceUpdate u : security) {
            boolean serious = u.severity() == null || u.severity().equals("critical") || u.severity().equals("important");
            boolean late = "no".equals(u.slaMet()) || pastDue(u.applyBy(), ctx.today());
            if (serious && late) {
                (u.status() != null && UNDER_WAY.contains(u.status()) ? underWay : overdue).add(u);
            }
        }
        Map<String, Object> evidence = of("overdue", overdue, "open", security);
        if (!overdue.isEmpty()) {
            return Outcome.fail(overdue.size() + " security update(s) past their recommended apply-by date", evidence);
        }
        if (!underWay.isEmpty()) {
            return Outcome.pending(underWay.size() + " overdue security update(s) being applied", of("overdue", underWay, "open", security));
        }
        return Outcome.pass(security.isEmpty() ? "no open security updates" : security.size() + " open security update(s), none overdue", evidence);
    }

    private static boolean pastDue(String applyBy, LocalDate today) {
        if (applyBy == null) {
            return false;
        }
        try {
            return today.isAfter(LocalDate.parse(applyBy));
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
