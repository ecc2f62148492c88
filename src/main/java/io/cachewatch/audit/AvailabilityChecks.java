package io.cachewatch.audit;

import static io.cachewatch.audit.Evidence.of;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.Shard;
import io.cachewatch.posture.Posture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Checks of areas availability and backup. */
final class AvailabilityChecks {
    private AvailabilityChecks() {
    }

    static final AuditCheck AUTOMATIC_FAILOVER = new AuditCheck("automatic-failover", "A replica takes over when a primary fails",
            Area.AVAILABILITY, List.of("EC §1 Use Multi-AZ with automatic failover (Redis only)", "MDB §6 Test failover behavior periodically"),
            "ElastiCache Valkey / Redis OSS replication groups and single-node clusters, MemoryDB; Memcached and serverless not applicable",
            Severity.MEDIUM, List.of("automaticFailover", "shardsWithoutReplicas", "pending"),
            "Replication groups: add a replica to every shard (increase-replica-count) and turn failover on"
                    + " (modify-replication-group --automatic-failover-enabled), in place. A single-node cluster cannot fail over:"
                    + " create a replication group from a snapshot of it. MemoryDB: aws memorydb update-cluster"
                    + " --replica-configuration ReplicaCount=1.",
            "ElastiCache.3", "elasticache-repl-grp-auto-failover-enabled", AvailabilityChecks::automaticFailover);

    static Outcome automaticFailover(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.notApplicable("serverless caches fail over by design, with no setting");
        }
        if (Shapes.memcached(c)) {
            return Outcome.notApplicable("Memcached has no replicas and no failover");
        }
        List<String> lonely = shardsWithoutReplicas(c);
        if (Shapes.standalone(c)) {
            return Outcome.fail("a single-node cluster has no replica to fail over to", of("automaticFailover", null, "shardsWithoutReplicas", lonely));
        }
        if (c.kind() == ClusterKind.MEMORYDB) {
            Map<String, Object> evidence = of("shardsWithoutReplicas", lonely);
            if (c.shards().isEmpty()) {
                return Outcome.unknown("the cluster's shards were not listed", evidence);
            }
            return lonely.isEmpty() ? Outcome.pass("every shard has a replica, so MemoryDB fails over", evidence)
                    : Outcome.fail("shards without a replica cannot fail over", evidence);
        }
        Map<String, Object> evidence = of("automaticFailover", p.automaticFailover(), "shardsWithoutReplicas", lonely);
        String pending = p.pending().get("automaticFailover");
        if (pending != null) {
            evidence.put("pending", of("automaticFailover", pending));
        }
        if (p.automaticFailover() == null) {
            return Outcome.unknown(p.whyUnknown("AutomaticFailover"), evidence);
        }
        return switch (p.automaticFailover()) {
            case "enabled" -> lonely.isEmpty() ? Outcome.pass("automatic failover is on", evidence)
                    : Outcome.fail("automatic failover is on but some shards have no replica", evidence);
            case "enabling", "disabling" -> Outcome.pending("automatic failover is " + p.automaticFailover(), evidence);
            default -> pending != null ? Outcome.pending("automatic failover change pending: " + pending, evidence)
                    : Outcome.fail("automatic failover is " + p.automaticFailover(), evidence);
        };
    }

    static List<String> shardsWithoutReplicas(Cluster c) {
        return c.shards().stream().filter(s -> s.nodes().size() < 2).map(Shard::id).toList();
    }

    static final AuditCheck MULTI_AZ = new AuditCheck("multi-az", "Nodes are spread over Availability Zones",
            Area.AVAILABILITY, List.of("EC §1 Distribute nodes across multiple AZs for fault tolerance", "MDB §1 Use Multi-AZ clusters",
                    "MDB §1 Distribute shards across AZs to maximize resilience"),
            "ElastiCache node-based (Memcached: node spread), MemoryDB; serverless not applicable",
            Severity.MEDIUM, List.of("multiAz", "availabilityZones"),
            "Replication groups: with a replica in another AZ, modify-replication-group --multi-az-enabled (in place)."
                    + " Memcached: add nodes in other AZs (modify-cache-cluster --num-cache-nodes … --new-availability-zones)."
                    + " MemoryDB: add a replica per shard (update-cluster --replica-configuration); MemoryDB places replicas in other AZs.",
            null, null, AvailabilityChecks::multiAz);

    static Outcome multiAz(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.notApplicable("serverless caches are replicated across AZs by the service");
        }
        Map<String, Object> zones = zonesByShard(c);
        Map<String, Object> evidence = of("multiAz", p.multiAz(), "availabilityZones", zones);
        if (Shapes.memcached(c) || Shapes.standalone(c)) {
            TreeSet<String> distinct = new TreeSet<>();
            boolean unknownZone = false;
            for (Node n : c.nodes()) {
                if (n.availabilityZone() == null || n.availabilityZone().equals("Multiple")) {
                    unknownZone = true;
                } else {
                    distinct.add(n.availabilityZone());
                }
            }
            if (c.nodes().size() < 2) {
                return Outcome.fail("a single node lives in one AZ", evidence);
            }
            if (distinct.size() >= 2) {
                return Outcome.pass("nodes in " + String.join(", ", distinct), evidence);
            }
            return unknownZone ? Outcome.unknown("the nodes' Availability Zones were not returned", evidence)
                    : Outcome.fail("every node is in " + distinct.first(), evidence);
        }
        if (p.multiAz() == null) {
            return Outcome.unknown(p.whyUnknown(c.kind() == ClusterKind.MEMORYDB ? "AvailabilityMode" : "MultiAZ"), evidence);
        }
        boolean on = p.multiAz().equals("enabled") || p.multiAz().equals("multiaz");
        return on ? Outcome.pass("Multi-AZ is on", evidence) : Outcome.fail("Multi-AZ is off (" + p.multiAz() + ")", evidence);
    }

    private static Map<String, Object> zonesByShard(Cluster c) {
        Map<String, Object> zones = new LinkedHashMap<>();
        for (Shard s : c.shards()) {
            List<String> list = new ArrayList<>();
            s.nodes().stream().map(Node::availabilityZone).map(z -> Objects.requireNonNullElse(z, "unknown")).forEach(list::add);
            zones.put(s.id(), list);
        }
        return zones;
    }

    static final AuditCheck BACKUP_RETENTION = new AuditCheck("backup-retention", "Automatic backups are kept long enough",
            Area.BACKUP, List.of("EC §4 Enable automatic daily backups (Redis only) for disaster recovery",
                    "MDB §4 Enable automatic daily snapshots to S3", "MDB §4 Plan your retention period"),
            "ElastiCache Valkey / Redis OSS (node-based), every serverless cache, MemoryDB; node-based Memcached not applicable",
            Severity.HIGH, List.of("snapshotRetentionLimit", "minimumDays"),
            "In place: aws elasticache modify-replication-group --snapshot-retention-limit N (modify-cache-cluster for a"
                    + " standalone cluster, modify-serverless-cache for serverless), aws memorydb update-cluster --snapshot-retention-limit N.",
            "ElastiCache.1", "elasticache-redis-cluster-automatic-backup-check", AvailabilityChecks::backupRetention);

    static Outcome backupRetention(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        if (c.kind() == ClusterKind.ELASTICACHE && Shapes.memcached(c)) {
            return Outcome.notApplicable("node-based Memcached has no backups");
        }
        if (c.nodeType() != null && c.nodeType().startsWith("cache.t1.")) {
            return Outcome.notApplicable("cache.t1 nodes cannot take snapshots");
        }
        int minimum = ctx.backupRetentionDays();
        Map<String, Object> evidence = of("snapshotRetentionLimit", p.backupRetentionDays(), "minimumDays", minimum);
        if (p.backupRetentionDays() == null) {
            return Outcome.unknown(p.whyUnknown("SnapshotRetentionLimit"), evidence);
        }
        if (p.backupRetentionDays() == 0) {
            return Outcome.fail("automatic backups are off", evidence);
        }
        if (p.backupRetentionDays() < minimum) {
            // backups exist, only kept shorter than the policy asks: a lesser finding than none at all
            return Outcome.fail("backups are kept " + p.backupRetentionDays() + " days, fewer than " + minimum, evidence)
                    .withSeverity(Severity.LOW);
        }
        return Outcome.pass("backups are kept " + p.backupRetentionDays() + " days", evidence);
    }
}
