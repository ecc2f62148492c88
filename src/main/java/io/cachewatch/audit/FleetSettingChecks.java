package io.cachewatch.audit;

import static io.cachewatch.audit.Evidence.of;
import static io.cachewatch.audit.UsageChecks.fmt;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.posture.ReservedCoverage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Checks of settings kept outside the cluster: the region's reserved nodes (a pool per node type, allocated to clusters
 * oldest first, see {@link io.cachewatch.posture.ReservedCoverages}) and the parameter group's maxmemory-policy.
 */
final class FleetSettingChecks {
    private FleetSettingChecks() {
    }

    // --- reserved-coverage --------------------------------------------------------------------------------------------

    static final double RESERVED_MIN_AGE_DAYS = 30;
    static final double RESERVATION_EXPIRY_DAYS = 30;

    static final AuditCheck RESERVED_COVERAGE = new AuditCheck("reserved-coverage", "Long-running nodes are covered by reservations",
            Area.COST, List.of("EC §7 Use Reserved Nodes (1- or 3-year) for production workloads — save up to 70%",
                    "MDB §7 Use Reserved Nodes (1 or 3 years) for steady workloads — save up to 70%"),
            "ElastiCache node-based (all engines) and MemoryDB; serverless not applicable (no reservations)", Severity.LOW,
            List.of("nodeType", "nodes", "coveredNodes", "uncoveredNodes", "ageDays", "regionNodes", "regionReserved", "reservations",
                    "expiring", "thresholds"),
            "Buy reserved nodes of the cluster's node type in its region for the uncovered nodes (aws elasticache"
                    + " describe-reserved-cache-nodes-offerings --cache-node-type …, purchase-reserved-cache-nodes-offering; aws memorydb"
                    + " describe-reserved-nodes-offerings, purchase-reserved-nodes-offering), and renew reservations before they end.",
            null, null, FleetSettingChecks::reservedCoverage);

    static Outcome reservedCoverage(CheckContext ctx) {
        Cluster c = ctx.cluster();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.notApplicable("serverless caches are billed by use: there are no reservations");
        }
        double minAge = ctx.policy().threshold("reserved-min-age-days", RESERVED_MIN_AGE_DAYS);
        double expiryDays = ctx.policy().threshold("reservation-expiry-days", RESERVATION_EXPIRY_DAYS);
        Map<String, Object> thresholds = of("reserved-min-age-days", minAge, "reservation-expiry-days", expiryDays);
        ReservedCoverage rc = ctx.posture().reservedCoverage();
        if (rc == null) {
            return Outcome.unknown(ctx.posture().whyUnknown("reservedCoverage"), of("thresholds", thresholds));
        }
        Instant today = ctx.today().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant created = ctx.posture().createdAt() == null ? null : Instant.parse(ctx.posture().createdAt());
        Double age = created == null ? null : UsageChecks.days(Duration.between(created, today));
        Instant expiryLimit = today.plus(Duration.ofSeconds(Math.round(expiryDays * 86400)));
        List<ReservedCoverage.Term> expiring = rc.terms().stream().filter(t -> Instant.parse(t.end()).isBefore(expiryLimit)).toList();
        Map<String, Object> evidence = of("nodeType", rc.nodeType(), "nodes", rc.nodes(), "coveredNodes", rc.coveredNodes(),
                "uncoveredNodes", rc.uncoveredNodes(), "ageDays", age, "regionNodes", rc.poolNodes(), "regionReserved", rc.poolReserved(),
                "reservations", rc.terms().stream().map(t -> of("id", t.reservation(), "nodes", t.nodes(), "end", t.end())).toList(),
                "expiring", expiring.stream().map(ReservedCoverage.Term::reservation).toList(), "thresholds", thresholds);
        String region = String.format("%d of %d %s nodes in %s reserved", Math.min(rc.poolReserved(), rc.poolNodes()), rc.poolNodes(),
                rc.nodeType(), c.region());
        String ending = expiring.isEmpty() ? "" : "; reservations ending within " + fmt(expiryDays) + " days: "
                + String.join(", ", expiring.stream().map(t -> t.reservation() + " (" + t.nodes() + " nodes, " + t.end().substring(0, 10) + ")").toList());
        if (rc.uncoveredNodes() == 0) {
            return expiring.isEmpty() ? Outcome.pass("all " + rc.nodes() + " nodes covered (" + region + ")", evidence)
                    : Outcome.fail("all " + rc.nodes() + " nodes covered" + ending, evidence);
        }
        if (age == null) {
            return Outcome.unknown(rc.uncoveredNodes() + " of " + rc.nodes() + " nodes uncovered, but the cluster's age is unknown: "
                    + ctx.posture().whyUnknown("createdAt") + ending, evidence);
        }
        if (age < minAge) {
            return expiring.isEmpty() ? Outcome.pass(rc.uncoveredNodes() + " of " + rc.nodes() + " nodes uncovered, but the cluster is "
                    + fmt(age) + " days old (under " + fmt(minAge) + ")", evidence)
                    : Outcome.fail(rc.uncoveredNodes() + " young nodes uncovered" + ending, evidence);
        }
        return Outcome.fail(String.format("%d of %d nodes uncovered after %s days (%s)%s", rc.uncoveredNodes(), rc.nodes(), fmt(age), region,
                ending), evidence);
    }

    // --- maxmemory-policy ---------------------------------------------------------------------------------------------

    static final AuditCheck MAXMEMORY_POLICY = new AuditCheck("maxmemory-policy", "The eviction policy suits how keys are written",
            Area.PERFORMANCE, List.of("EC §3 Set proper TTL (Time-to-Live) values to automatically evict stale data",
                    "MDB §8 Periodically review Redis configuration parameters (like maxmemory-policy, timeout, client-output-buffer-limit)"),
            "ElastiCache Valkey / Redis OSS node-based and MemoryDB; Memcached (no maxmemory-policy) and serverless (no parameter"
                    + " group) not applicable", Severity.MEDIUM,
            List.of("parameterGroup", "maxmemoryPolicy", "coveragePercent", "lookbackDays", "historyDays", "thresholds"),
            "Use a custom parameter group with maxmemory-policy allkeys-lru (or allkeys-lfu) for a cache, or set TTLs on the keys a"
                    + " volatile-* policy may evict (aws elasticache create-cache-parameter-group, modify-cache-parameter-group"
                    + " --parameter-name-values ParameterName=maxmemory-policy,ParameterValue=allkeys-lru, then modify-replication-group"
                    + " --cache-parameter-group-name …; MemoryDB: create-parameter-group, update-parameter-group, update-cluster"
                    + " --parameter-group-name …). Default parameter groups cannot be modified.",
            null, null, FleetSettingChecks::maxmemoryPolicy);

    static Outcome maxmemoryPolicy(CheckContext ctx) {
        Cluster c = ctx.cluster();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.notApplicable("serverless caches have no parameter group: ElastiCache manages eviction");
        }
        if (Shapes.memcached(c)) {
            return Outcome.notApplicable("Memcached has no maxmemory-policy (it evicts least recently used items)");
        }
        double min = ctx.policy().threshold("ttl-coverage-min", UsageChecks.TTL_COVERAGE_MIN);
        Map<String, Object> thresholds = of("ttl-coverage-min", min);
        String group = ctx.posture().parameterGroup();
        String policy = ctx.posture().maxmemoryPolicy();
        if (policy == null) {
            return Outcome.unknown(ctx.posture().whyUnknown("maxmemoryPolicy"), of("parameterGroup", group, "maxmemoryPolicy", null,
                    "thresholds", thresholds));
        }
        if (policy.equals("noeviction")) {
            Map<String, Object> evidence = of("parameterGroup", group, "maxmemoryPolicy", policy, "thresholds", thresholds);
            return c.kind() == ClusterKind.MEMORYDB
                    ? Outcome.pass("noeviction: MemoryDB is a durable database, so writes fail rather than drop data", evidence)
                    : Outcome.fail("noeviction on a cache (parameter group " + group + "): writes fail with OOM once memory is full", evidence);
        }
        if (!policy.startsWith("volatile-")) {
            return Outcome.pass(policy + " may evict any key", of("parameterGroup", group, "maxmemoryPolicy", policy, "thresholds", thresholds));
        }
        Outcome missing = UsageChecks.unjudgeable(ctx, thresholds, io.cachewatch.usage.Figure.ITEMS, io.cachewatch.usage.Figure.VOLATILE_ITEMS);
        if (missing != null) {
            Map<String, Object> evidence = of("parameterGroup", group, "maxmemoryPolicy", policy);
            evidence.putAll(missing.evidence());
            return Outcome.unknown(policy + " evicts only keys with a TTL, and their share is unknown: " + missing.reason(), evidence);
        }
        UsageChecks.TtlCoverage ttl = UsageChecks.TtlCoverage.of(ctx.usage());
        Map<String, Object> evidence = UsageChecks.evidence(ctx, "parameterGroup", group, "maxmemoryPolicy", policy,
                "coveragePercent", ttl == null ? null : UsageChecks.round(ttl.percent()), "thresholds", thresholds);
        if (ttl == null) {
            return Outcome.pass(policy + " on a cluster that held no keys over the lookback", evidence);
        }
        return ttl.percent() < min ? Outcome.fail(policy + " evicts only keys with a TTL, and only " + ttl.describe()
                + ": memory fills with keys it may not evict, then writes fail with OOM", evidence)
                : Outcome.pass(policy + " with " + ttl.describe(), evidence);
    }
}
