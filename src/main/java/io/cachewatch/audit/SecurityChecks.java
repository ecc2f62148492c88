package io.cachewatch.audit;

import static io.cachewatch.audit.Evidence.of;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import io.cachewatch.posture.MemberPosture;
import io.cachewatch.posture.Posture;
import io.cachewatch.posture.SecurityGroup;
import io.cachewatch.posture.UserGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks of area security. Field semantics: ElastiCache and MemoryDB API references (see docs/audit.md). */
final class SecurityChecks {
    private SecurityChecks() {
    }

    static final AuditCheck IN_TRANSIT = new AuditCheck("in-transit-encryption", "TLS is required for every connection",
            Area.SECURITY, List.of("EC §2 Enable in-transit encryption (TLS)", "MDB §2 Enable encryption … in transit (TLS)"),
            "ElastiCache node-based (all engines), MemoryDB; serverless passes by design",
            Severity.MEDIUM, List.of("transitEncryptionEnabled", "transitEncryptionMode", "pending"),
            "Valkey / Redis OSS replication groups: aws elasticache modify-replication-group --transit-encryption-enabled"
                    + " --transit-encryption-mode preferred, move every client to TLS, then --transit-encryption-mode required"
                    + " (in place). Standalone cache clusters, Memcached and MemoryDB: TLS is fixed at creation; create a new"
                    + " cluster with TLS from a snapshot (Memcached: a new cluster) and move clients to it.",
            "ElastiCache.5", "elasticache-repl-grp-encrypted-in-transit", SecurityChecks::inTransit);

    static Outcome inTransit(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.pass("serverless caches always encrypt in transit (by design)", of("transitEncryptionEnabled", true));
        }
        Map<String, Object> evidence = of("transitEncryptionEnabled", p.transitEncryption());
        if (c.kind() != ClusterKind.MEMORYDB) {
            evidence.put("transitEncryptionMode", p.transitEncryptionMode());
        }
        String pendingMode = p.pending().get("transitEncryptionMode");
        String pendingOn = p.pending().get("transitEncryption");
        if (pendingMode != null || pendingOn != null) {
            evidence.put("pending", of("transitEncryptionEnabled", pendingOn, "transitEncryptionMode", pendingMode));
        }
        if (p.transitEncryption() == null) {
            return Outcome.unknown(p.whyUnknown(c.kind() == ClusterKind.MEMORYDB ? "TLSEnabled" : "TransitEncryptionEnabled"), evidence);
        }
        if (!p.transitEncryption()) {
            if ("true".equals(pendingOn)) {
                return Outcome.pending("in-transit encryption is being turned on", evidence);
            }
            return Outcome.fail("in-transit encryption is off: clients connect in plaintext", evidence);
        }
        if (c.kind() == ClusterKind.MEMORYDB) {
            return Outcome.pass("TLS is on (MemoryDB accepts only TLS connections then)", evidence);
        }
        if ("preferred".equals(p.transitEncryptionMode())) {
            if ("required".equals(pendingMode)) {
                return Outcome.pending("transit encryption mode is changing to required", evidence);
            }
            return Outcome.fail("transit encryption mode is preferred: plaintext connections are still accepted", evidence);
        }
        if ("required".equals(p.transitEncryptionMode())) {
            return Outcome.pass("TLS is required", evidence);
        }
        return Outcome.unknown("TLS is on but TransitEncryptionMode was not returned, so plaintext may still be accepted", evidence);
    }

    static final AuditCheck AT_REST = new AuditCheck("at-rest-encryption", "Data at rest is encrypted",
            Area.SECURITY, List.of("EC §2 Enable … at-rest encryption if handling sensitive data", "MDB §2 Enable encryption at rest (KMS)"),
            "ElastiCache node-based Valkey / Redis OSS; serverless and MemoryDB pass by design; node-based Memcached not applicable",
            Severity.MEDIUM, List.of("atRestEncryptionEnabled", "kmsKeyId"),
            "At-rest encryption is fixed at creation (AtRestEncryptionEnabled cannot be modified): create a new replication group"
                    + " with --at-rest-encryption-enabled (optionally --kms-key-id) from a snapshot of this one and move clients to it.",
            "ElastiCache.4", "elasticache-repl-grp-encrypted-at-rest", SecurityChecks::atRest);

    static Outcome atRest(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.pass("serverless caches always encrypt data at rest (by design)", of("atRestEncryptionEnabled", true, "kmsKeyId", p.kmsKeyId()));
        }
        if (c.kind() == ClusterKind.MEMORYDB) {
            return Outcome.pass("MemoryDB always encrypts data at rest (by design)", of("atRestEncryptionEnabled", true, "kmsKeyId", p.kmsKeyId()));
        }
        if (Shapes.memcached(c)) {
            return Outcome.notApplicable("node-based Memcached has no at-rest encryption");
        }
        Map<String, Object> evidence = of("atRestEncryptionEnabled", p.atRestEncryption(), "kmsKeyId", p.kmsKeyId());
        if (p.atRestEncryption() == null) {
            return Outcome.unknown(p.whyUnknown("AtRestEncryptionEnabled"), evidence);
        }
        return p.atRestEncryption() ? Outcome.pass("data at rest is encrypted", evidence)
                : Outcome.fail("data at rest is not encrypted", evidence);
    }

    static final AuditCheck AUTHENTICATION = new AuditCheck("authentication", "Clients must authenticate",
            Area.SECURITY, List.of("EC §2 Use AUTH tokens (Redis AUTH) for authentication"),
            "ElastiCache Valkey / Redis OSS (node-based and serverless); Memcached and MemoryDB (see memorydb-open-access) not applicable",
            Severity.HIGH, List.of("authTokenEnabled", "userGroupIds", "userGroups", "pending"),
            "Replication groups: add an AUTH token (modify-replication-group --auth-token … --auth-token-update-strategy ROTATE, needs"
                    + " TLS) or attach an RBAC user group whose default user is off or has a password (--user-group-ids-to-add)."
                    + " Serverless caches: modify-serverless-cache --user-group-id. A user group whose default user has no password"
                    + " and is on lets anyone in: change that user (modify-user --passwords … or an access string starting with off).",
            "ElastiCache.6", "elasticache-repl-grp-redis-auth-enabled, elasticache-rbac-auth-enabled", SecurityChecks::authentication);

    static Outcome authentication(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        if (c.kind() == ClusterKind.MEMORYDB) {
            return Outcome.notApplicable("MemoryDB has no AUTH token: its ACL is checked by memorydb-open-access");
        }
        if (c.engine() == Engine.MEMCACHED) {
            return Outcome.notApplicable("Memcached has no AUTH token or RBAC user groups");
        }
        Map<String, Object> evidence = of("authTokenEnabled", p.authTokenEnabled(), "userGroupIds", p.userGroupIds());
        if (p.userGroups() != null) {
            evidence.put("userGroups", p.userGroups());
        }
        String pendingToken = p.pending().get("authToken");
        String pendingGroups = p.pending().get("userGroups");
        if (pendingToken != null || pendingGroups != null) {
            evidence.put("pending", of("authToken", pendingToken, "userGroups", pendingGroups));
            return Outcome.pending("an authentication change is pending", evidence);
        }
        if (Boolean.TRUE.equals(p.authTokenEnabled())) {
            return Outcome.pass("an AUTH token is required", evidence);
        }
        if (p.userGroupIds() == null) {
            return Outcome.unknown(p.whyUnknown("userGroupIds"), evidence);
        }
        if (!p.userGroupIds().isEmpty()) {
            if (p.userGroups() == null) {
                return Outcome.unknown(p.unknown().getOrDefault("userGroups", "user groups " + p.userGroupIds() + " were not read"), evidence);
            }
            List<String> closed = p.userGroups().stream().filter(g -> Boolean.FALSE.equals(g.defaultUserOpen())).map(UserGroup::id).toList();
            if (!closed.isEmpty()) {
                return Outcome.pass("RBAC user group " + String.join(", ", closed) + " requires authentication", evidence);
            }
            List<String> unread = p.userGroups().stream().filter(g -> g.defaultUserOpen() == null).map(UserGroup::id).toList();
            if (!unread.isEmpty()) {
                return Outcome.unknown("the default user of user group " + String.join(", ", unread) + " could not be read", evidence);
            }
            return Outcome.fail("every user group's default user has no password and is on: anyone can connect", evidence);
        }
        if (p.authTokenEnabled() == null && c.kind() != ClusterKind.SERVERLESS) {
            return Outcome.unknown(p.whyUnknown("AuthTokenEnabled"), evidence);
        }
        return Outcome.fail("no AUTH token and no RBAC user group: anyone who reaches the endpoint can connect", evidence);
    }

    static final AuditCheck MEMORYDB_OPEN_ACCESS = new AuditCheck("memorydb-open-access", "MemoryDB cluster is not on the open-access ACL",
            Area.SECURITY, List.of("MDB §2 Use Redis AUTH token for client authentication (required)"),
            "MemoryDB", Severity.HIGH, List.of("aclName", "tlsEnabled", "pending"),
            "Create users with passwords or IAM authentication and an ACL holding them, then aws memorydb update-cluster"
                    + " --acl-name <acl>. A cluster without TLS accepts only open-access, and TLS is fixed at creation: create a"
                    + " new cluster with TLS from a snapshot.",
            null, null, SecurityChecks::memoryDbOpenAccess);

    static Outcome memoryDbOpenAccess(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        if (c.kind() != ClusterKind.MEMORYDB) {
            return Outcome.notApplicable("only MemoryDB clusters have ACLs");
        }
        Map<String, Object> evidence = of("aclName", p.aclName(), "tlsEnabled", p.transitEncryption());
        String pending = p.pending().get("aclName");
        if (pending != null) {
            evidence.put("pending", of("aclName", pending));
        }
        if (p.aclName() == null) {
            return Outcome.unknown(p.whyUnknown("ACLName"), evidence);
        }
        if (!"open-access".equals(p.aclName())) {
            return Outcome.pass("ACL " + p.aclName() + " is not open-access", evidence);
        }
        if (pending != null && !"open-access".equals(pending)) {
            return Outcome.pending("ACL " + pending + " is being applied", evidence);
        }
        Outcome fail = Outcome.fail("the open-access ACL lets anyone connect without a password", evidence);
        // Without TLS, open-access is the only ACL MemoryDB allows: the cluster must be recreated, so it ranks higher.
        return Boolean.FALSE.equals(p.transitEncryption()) ? fail.withSeverity(Severity.CRITICAL) : fail;
    }

    static final AuditCheck DEFAULT_SUBNET_GROUP = new AuditCheck("default-subnet-group", "Not in the default subnet group",
            Area.SECURITY, List.of("EC §1 Deploy in private subnets (inside a VPC)", "MDB §2 Always deploy inside private subnets"),
            "ElastiCache node-based, MemoryDB; serverless caches (which name subnets, not a subnet group)",
            Severity.MEDIUM, List.of("subnetGroup", "subnetIds"),
            "The subnet group is fixed at creation: create a subnet group of private subnets in your own VPC and a new cluster in"
                    + " it from a snapshot of this one (serverless: a new cache with --subnet-ids).",
            "ElastiCache.7", "elasticache-subnet-group-check", SecurityChecks::defaultSubnetGroup);

    static Outcome defaultSubnetGroup(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        if (c.kind() == ClusterKind.SERVERLESS) {
            Map<String, Object> evidence = of("subnetIds", p.subnetIds());
            if (p.subnetIds() == null) {
                return Outcome.unknown(p.whyUnknown("SubnetIds"), evidence);
            }
            if (p.subnetIds().isEmpty()) {
                return Outcome.fail("no subnets named: the cache is in the default VPC's subnets", evidence);
            }
            return Outcome.unknown("whether subnets " + String.join(", ", p.subnetIds())
                    + " belong to the default VPC needs EC2 DescribeSubnets, which the audit does not read yet", evidence);
        }
        Shapes.Members<String> groups = Shapes.members(c, MemberPosture::subnetGroup);
        Map<String, Object> evidence = of("subnetGroup", groups.evidence());
        List<String> inDefault = groups.where("default"::equals);
        if (!inDefault.isEmpty()) {
            evidence.put("membersInDefault", inDefault);
            return Outcome.fail("in the default subnet group (the default VPC)", evidence);
        }
        if (groups.anyUnknown()) {
            return Outcome.unknown(p.whyUnknown("subnetGroup"), evidence);
        }
        return Outcome.pass("in subnet group " + groups.evidence(), evidence);
    }

    static final AuditCheck OPEN_SECURITY_GROUP = new AuditCheck("open-security-group", "No security group admits the world to the cache port",
            Area.SECURITY, List.of("EC §2 Control network access using VPC Security Groups", "MDB §2 Restrict inbound access using Security Groups"),
            "ElastiCache node-based and serverless, MemoryDB", Severity.HIGH, List.of("securityGroupIds", "port", "openRules"),
            "Remove the inbound rules from 0.0.0.0/0 and ::/0 that reach the cache port (aws ec2 revoke-security-group-ingress)"
                    + " and admit only the security groups of the clients instead. Security groups can be changed in place.",
            null, null, SecurityChecks::openSecurityGroup);

    static Outcome openSecurityGroup(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        int port = port(c);
        Map<String, Object> evidence = of("securityGroupIds", p.securityGroupIds(), "port", port);
        if (p.securityGroupIdsUnknown()) {
            return Outcome.unknown(p.whyUnknown("securityGroupIds"), evidence);
        }
        if (p.securityGroups() == null) {
            return Outcome.unknown(p.unknown().getOrDefault("securityGroups", "security group rules were not read"), evidence);
        }
        List<Map<String, Object>> open = new ArrayList<>();
        for (SecurityGroup group : p.securityGroups()) {
            for (SecurityGroup.IngressRule rule : group.ingress()) {
                if (!rule.worldOpen().isEmpty() && rule.reaches(port)) {
                    Map<String, Object> found = new LinkedHashMap<>();
                    found.put("securityGroup", group.id());
                    found.put("protocol", rule.protocol());
                    found.put("fromPort", rule.fromPort());
                    found.put("toPort", rule.toPort());
                    found.put("cidrs", rule.worldOpen());
                    open.add(found);
                }
            }
        }
        if (!open.isEmpty()) {
            evidence.put("openRules", open);
            return Outcome.fail("port " + port + " is open to the internet", evidence);
        }
        return Outcome.pass("no rule admits 0.0.0.0/0 or ::/0 to port " + port, evidence);
    }

    /** The endpoint's port, else the engine's default (6379 for Valkey / Redis OSS, 11211 for Memcached). */
    static int port(Cluster c) {
        if (c.endpoint() != null && c.endpoint().port() > 0) {
            return c.endpoint().port();
        }
        return c.engine() == Engine.MEMCACHED ? 11211 : 6379;
    }
}
