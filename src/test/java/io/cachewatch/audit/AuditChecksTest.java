package io.cachewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Endpoint;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.Shard;
import io.cachewatch.posture.MemberPosture;
import io.cachewatch.posture.Posture;
import io.cachewatch.posture.SecurityGroup;
import io.cachewatch.posture.ServiceUpdate;
import io.cachewatch.posture.UserGroup;
import io.cachewatch.profile.AuditPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every check over every kind, with the edge cases the posture reference lists (absent fields, pending changes, by-design passes). */
class AuditChecksTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    static MemberPosture member(String id) {
        return new MemberPosture(id, "7.1.0", "private", List.of("sg-1"), "sun:05:00-sun:06:00", "arn:aws:sns:us-east-1:1:events", "active", true);
    }

    /** A replication group orders (members orders-001, orders-002) with every setting good. */
    static Posture.Builder goodGroup() {
        return Posture.builder().backupRetentionDays(7).automaticFailover("enabled").multiAz("enabled").transitEncryption(true)
                .transitEncryptionMode("required").atRestEncryption(true).authTokenEnabled(true).userGroupIds(List.of())
                .autoMinorVersionUpgrade(true).members(List.of(member("orders-001"), member("orders-002")))
                .securityGroups(List.of(new SecurityGroup("sg-1", "cache", List.of(new SecurityGroup.IngressRule("tcp", 6379, 6379, List.of("10.0.0.0/8"))))))
                .updates(List.of());
    }

    static Cluster group(Posture p) {
        return Fixtures.redisReplicationGroup("orders", 1, Map.of()).withPosture(p);
    }

    static Cluster memcached(Posture p) {
        return Fixtures.memcached("pages", 2).withPosture(p);
    }

    static Cluster single(Posture p) {
        return Fixtures.redisSingleNode("solo", "cache.t4g.small", 2).withPosture(p);
    }

    static Cluster serverless(Posture p) {
        return Fixtures.serverless("sessions", null, null).withPosture(p);
    }

    static Cluster memoryDb(int replicas, Posture p) {
        return Fixtures.memoryDb("ledger", 2, replicas).withPosture(p);
    }

    static Outcome run(AuditCheck check, Cluster cluster) {
        return check.evaluate().apply(new CheckContext(cluster, AuditPolicy.DEFAULTS, TODAY, null, null, false));
    }

    static Outcome run(Function<CheckContext, Outcome> check, Cluster cluster, AuditPolicy policy) {
        return check.apply(new CheckContext(cluster, policy, TODAY, null, null, false));
    }

    @Test
    void aGoodReplicationGroupPassesEveryPostureCheck() {
        Cluster c = Fixtures.withTags(group(goodGroup().build()), Map.of("Environment", "prod", "App", "orders", "Owner", "team"));
        for (AuditCheck check : CheckCatalog.ALL) {
            Outcome outcome = run(check, c);
            switch (check.id()) {
                case "memorydb-open-access" -> assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
                // the fixture's nodes are all in us-east-1a but MultiAZ says enabled: the flag decides
                case "alarms-in-place" -> assertThat(outcome.status()).isEqualTo(Status.UNKNOWN);
                // usage checks read metrics, not posture: without figures they are unknown (UsageChecksTest)
                case "idle-cluster", "oversized-node", "eviction-pressure", "ttl-coverage", "connection-churn", "maintenance-window-busy" ->
                        assertThat(outcome.status()).isEqualTo(Status.UNKNOWN);
                case "shard-skew" -> assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
                // reservations and the parameter group are read by their own readers, not in this fixture (FleetSettingChecksTest)
                case "reserved-coverage", "maxmemory-policy" -> assertThat(outcome.status()).isEqualTo(Status.UNKNOWN);
                // Redis OSS 7.1 has no date in the table
                default -> assertThat(outcome.status()).as(check.id() + ": " + outcome.reason()).isEqualTo(Status.PASS);
            }
        }
    }

    @Test
    void anEmptyPostureIsUnknownNeverFailOrPass() {
        // An inventory whose posture AWS did not return: every field null. No check may pass or fail on nothing,
        // except those that need no AWS field (tags, by-design kinds, shape).
        Cluster c = group(Posture.builder().members(List.of(new MemberPosture("orders-001", null, null, null, null, null, null, null))).build());
        for (AuditCheck check : List.of(SecurityChecks.IN_TRANSIT, SecurityChecks.AT_REST, SecurityChecks.AUTHENTICATION,
                SecurityChecks.DEFAULT_SUBNET_GROUP, SecurityChecks.OPEN_SECURITY_GROUP, AvailabilityChecks.AUTOMATIC_FAILOVER,
                AvailabilityChecks.MULTI_AZ, AvailabilityChecks.BACKUP_RETENTION, MaintenanceChecks.AUTO_MINOR,
                MaintenanceChecks.SECURITY_UPDATES, OperationsChecks.EVENT_NOTIFICATIONS)) {
            Outcome outcome = run(check, c);
            assertThat(outcome.status()).as(check.id()).isEqualTo(Status.UNKNOWN);
            assertThat(outcome.reason()).as(check.id()).isNotBlank();
        }
    }

    @Nested
    class InTransit {
        @Test
        void preferredModeFailsBecausePlaintextIsStillAccepted() {
            Outcome o = run(SecurityChecks.IN_TRANSIT, group(goodGroup().transitEncryptionMode("preferred").build()));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).contains("preferred");
            assertThat(o.evidence()).containsEntry("transitEncryptionMode", "preferred");
        }

        @Test
        void preferredWithRequiredPendingIsPending() {
            Outcome o = run(SecurityChecks.IN_TRANSIT, group(goodGroup().transitEncryptionMode("preferred").pending("transitEncryptionMode", "required").build()));
            assertThat(o.status()).isEqualTo(Status.PENDING);
        }

        @Test
        void offFailsAndUnknownModeIsUnknown() {
            assertThat(run(SecurityChecks.IN_TRANSIT, group(goodGroup().transitEncryption(false).transitEncryptionMode(null).build())).status())
                    .isEqualTo(Status.FAIL);
            assertThat(run(SecurityChecks.IN_TRANSIT, group(goodGroup().transitEncryptionMode(null).build())).status())
                    .isEqualTo(Status.UNKNOWN);
            assertThat(run(SecurityChecks.IN_TRANSIT, group(goodGroup().transitEncryption(null).build())).status())
                    .isEqualTo(Status.UNKNOWN);
        }

        @Test
        void serverlessPassesByDesignAndMemoryDbReadsTls() {
            Outcome s = run(SecurityChecks.IN_TRANSIT, serverless(Posture.builder().build()));
            assertThat(s.status()).isEqualTo(Status.PASS);
            assertThat(s.reason()).contains("by design");
            assertThat(run(SecurityChecks.IN_TRANSIT, memoryDb(1, Posture.builder().transitEncryption(false).build())).status()).isEqualTo(Status.FAIL);
            assertThat(run(SecurityChecks.IN_TRANSIT, memoryDb(1, Posture.builder().transitEncryption(true).build())).status()).isEqualTo(Status.PASS);
        }
    }

    @Nested
    class AtRest {
        @Test
        void byKind() {
            assertThat(run(SecurityChecks.AT_REST, group(goodGroup().atRestEncryption(false).build())).status()).isEqualTo(Status.FAIL);
            assertThat(run(SecurityChecks.AT_REST, single(Posture.builder().build())).status()).isEqualTo(Status.UNKNOWN);
            Outcome m = run(SecurityChecks.AT_REST, memcached(Posture.builder().build()));
            assertThat(m.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(m.reason()).contains("Memcached");
            assertThat(run(SecurityChecks.AT_REST, memoryDb(1, Posture.builder().build())).reason()).contains("by design");
            assertThat(run(SecurityChecks.AT_REST, serverless(Posture.builder().build())).status()).isEqualTo(Status.PASS);
        }

        @Test
        void remediationSaysItIsFixedAtCreation() {
            assertThat(SecurityChecks.AT_REST.remediation()).contains("fixed at creation").contains("snapshot");
        }
    }

    @Nested
    class Authentication {
        @Test
        void noTokenNoGroupFails() {
            Outcome o = run(SecurityChecks.AUTHENTICATION, group(goodGroup().authTokenEnabled(false).build()));
            assertThat(o.status()).isEqualTo(Status.FAIL);
        }

        @Test
        void aUserGroupWhoseDefaultUserIsOpenCountsAsNone() {
            Posture p = goodGroup().authTokenEnabled(false).userGroupIds(List.of("ug-open"))
                    .userGroups(List.of(new UserGroup("ug-open", "active", true))).build();
            Outcome o = run(SecurityChecks.AUTHENTICATION, group(p));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).contains("default user");
        }

        @Test
        void aUserGroupWithAClosedDefaultUserPasses() {
            Posture p = goodGroup().authTokenEnabled(false).userGroupIds(List.of("ug-1"))
                    .userGroups(List.of(new UserGroup("ug-1", "active", false))).build();
            assertThat(run(SecurityChecks.AUTHENTICATION, group(p)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void userGroupsNotReadAreUnknownWithTheReason() {
            Posture p = goodGroup().authTokenEnabled(false).userGroupIds(List.of("ug-1"))
                    .unknown("userGroups", "ElastiCache.DescribeUserGroups failed: NotImplemented").build();
            Outcome o = run(SecurityChecks.AUTHENTICATION, group(p));
            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            assertThat(o.reason()).contains("DescribeUserGroups");
        }

        @Test
        void pendingTokenIsPendingAndMemcachedMemoryDbAreNotApplicable() {
            assertThat(run(SecurityChecks.AUTHENTICATION, group(goodGroup().authTokenEnabled(false).pending("authToken", "setting").build())).status())
                    .isEqualTo(Status.PENDING);
            assertThat(run(SecurityChecks.AUTHENTICATION, memcached(Posture.builder().build())).status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(run(SecurityChecks.AUTHENTICATION, memoryDb(1, Posture.builder().build())).status()).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void serverlessWithoutUserGroupFails() {
            assertThat(run(SecurityChecks.AUTHENTICATION, serverless(Posture.builder().userGroupIds(List.of()).build())).status())
                    .isEqualTo(Status.FAIL);
        }
    }

    @Nested
    class MemoryDbOpenAccess {
        @Test
        void openAccessFailsCriticalWithoutTls() {
            Outcome withTls = run(SecurityChecks.MEMORYDB_OPEN_ACCESS, memoryDb(1, Posture.builder().aclName("open-access").transitEncryption(true).build()));
            assertThat(withTls.status()).isEqualTo(Status.FAIL);
            assertThat(withTls.severity()).isNull();
            Outcome noTls = run(SecurityChecks.MEMORYDB_OPEN_ACCESS, memoryDb(1, Posture.builder().aclName("open-access").transitEncryption(false).build()));
            assertThat(noTls.severity()).isEqualTo(Severity.CRITICAL);
        }

        @Test
        void otherAclPassesPendingAclIsPendingAndOtherKindsAreNotApplicable() {
            assertThat(run(SecurityChecks.MEMORYDB_OPEN_ACCESS, memoryDb(1, Posture.builder().aclName("app-users").build())).status()).isEqualTo(Status.PASS);
            assertThat(run(SecurityChecks.MEMORYDB_OPEN_ACCESS, memoryDb(1, Posture.builder().aclName("open-access").pending("aclName", "app-users").build())).status())
                    .isEqualTo(Status.PENDING);
            assertThat(run(SecurityChecks.MEMORYDB_OPEN_ACCESS, memoryDb(1, Posture.builder().build())).status()).isEqualTo(Status.UNKNOWN);
            assertThat(run(SecurityChecks.MEMORYDB_OPEN_ACCESS, group(goodGroup().build())).status()).isEqualTo(Status.NOT_APPLICABLE);
        }
    }

    @Nested
    class DefaultSubnetGroup {
        @Test
        void membersThatDisagreeAreNamed() {
            MemberPosture inDefault = new MemberPosture("orders-002", "7.1.0", "default", List.of("sg-1"), null, null, null, true);
            Outcome o = run(SecurityChecks.DEFAULT_SUBNET_GROUP, group(goodGroup().members(List.of(member("orders-001"), inDefault)).build()));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("membersInDefault", List.of("orders-002"));
            assertThat(o.evidence().get("subnetGroup")).isEqualTo(Map.of("orders-001", "private", "orders-002", "default"));
        }

        @Test
        void serverlessSubnets() {
            assertThat(run(SecurityChecks.DEFAULT_SUBNET_GROUP, serverless(Posture.builder().subnetIds(List.of()).build())).status()).isEqualTo(Status.FAIL);
            assertThat(run(SecurityChecks.DEFAULT_SUBNET_GROUP, serverless(Posture.builder().subnetIds(List.of("subnet-1")).build())).status())
                    .isEqualTo(Status.UNKNOWN);
        }

        @Test
        void memoryDbDefault() {
            Posture p = Posture.builder().members(List.of(new MemberPosture("ledger", "7.1", "default", List.of(), null, null, null, true))).build();
            assertThat(run(SecurityChecks.DEFAULT_SUBNET_GROUP, memoryDb(1, p)).status()).isEqualTo(Status.FAIL);
        }
    }

    @Nested
    class OpenSecurityGroup {
        static Posture withRules(SecurityGroup.IngressRule... rules) {
            return goodGroup().securityGroups(List.of(new SecurityGroup("sg-1", "cache", List.of(rules)))).build();
        }

        @Test
        void worldOnTheCachePortFails() {
            Outcome o = run(SecurityChecks.OPEN_SECURITY_GROUP, group(withRules(new SecurityGroup.IngressRule("tcp", 6000, 7000, List.of("0.0.0.0/0")))));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsKey("openRules");
        }

        @Test
        void ipv6WorldAndAllProtocolsFail() {
            assertThat(run(SecurityChecks.OPEN_SECURITY_GROUP, group(withRules(new SecurityGroup.IngressRule("-1", null, null, List.of("::/0"))))).status())
                    .isEqualTo(Status.FAIL);
        }

        @Test
        void worldOnAnotherPortOrUdpPasses() {
            assertThat(run(SecurityChecks.OPEN_SECURITY_GROUP, group(withRules(new SecurityGroup.IngressRule("tcp", 22, 22, List.of("0.0.0.0/0"))))).status())
                    .isEqualTo(Status.PASS);
            assertThat(run(SecurityChecks.OPEN_SECURITY_GROUP, group(withRules(new SecurityGroup.IngressRule("udp", 6379, 6379, List.of("0.0.0.0/0"))))).status())
                    .isEqualTo(Status.PASS);
        }

        @Test
        void theEndpointPortIsTheOneJudged() {
            Cluster c = group(withRules(new SecurityGroup.IngressRule("tcp", 6380, 6380, List.of("0.0.0.0/0"))));
            Cluster onPort = new Cluster(c.kind(), c.region(), c.id(), c.arn(), c.engine(), c.engineVersion(), c.nodeType(), c.vcpus(), c.memoryBytes(),
                    c.tls(), c.status(), c.clusterMode(), c.tags(), c.shards(), c.limits(), new Endpoint("orders.cache", 6380), c.standalone(), c.posture());
            assertThat(run(SecurityChecks.OPEN_SECURITY_GROUP, c).status()).isEqualTo(Status.PASS);
            assertThat(run(SecurityChecks.OPEN_SECURITY_GROUP, onPort).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void groupsNotReadAreUnknown() {
            Outcome o = run(SecurityChecks.OPEN_SECURITY_GROUP, group(goodGroup().securityGroups(null)
                    .unknown("securityGroups", "EC2.DescribeSecurityGroups failed: UnauthorizedOperation").build()));
            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            assertThat(o.reason()).contains("UnauthorizedOperation");
        }
    }

    @Nested
    class Failover {
        @Test
        void statesOfAReplicationGroup() {
            assertThat(run(AvailabilityChecks.AUTOMATIC_FAILOVER, group(goodGroup().automaticFailover("disabled").build())).status()).isEqualTo(Status.FAIL);
            assertThat(run(AvailabilityChecks.AUTOMATIC_FAILOVER, group(goodGroup().automaticFailover("enabling").build())).status()).isEqualTo(Status.PENDING);
            assertThat(run(AvailabilityChecks.AUTOMATIC_FAILOVER, group(goodGroup().automaticFailover(null).build())).status()).isEqualTo(Status.UNKNOWN);
            assertThat(run(AvailabilityChecks.AUTOMATIC_FAILOVER, group(goodGroup().automaticFailover("disabled")
                    .pending("automaticFailover", "enabled").build())).status()).isEqualTo(Status.PENDING);
        }

        @Test
        void aSingleNodeClusterHasNoReplicaToFailOverTo() {
            Outcome o = run(AvailabilityChecks.AUTOMATIC_FAILOVER, single(Posture.builder().build()));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).contains("no replica");
        }

        @Test
        void memoryDbNeedsAReplicaInEveryShard() {
            assertThat(run(AvailabilityChecks.AUTOMATIC_FAILOVER, memoryDb(1, Posture.builder().build())).status()).isEqualTo(Status.PASS);
            Outcome o = run(AvailabilityChecks.AUTOMATIC_FAILOVER, memoryDb(0, Posture.builder().build()));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("shardsWithoutReplicas", List.of("0001", "0002"));
        }

        @Test
        void memcachedAndServerlessAreNotApplicable() {
            assertThat(run(AvailabilityChecks.AUTOMATIC_FAILOVER, memcached(Posture.builder().build())).status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(run(AvailabilityChecks.AUTOMATIC_FAILOVER, serverless(Posture.builder().build())).status()).isEqualTo(Status.NOT_APPLICABLE);
        }
    }

    @Nested
    class MultiAz {
        @Test
        void replicationGroupAndMemoryDbFlags() {
            assertThat(run(AvailabilityChecks.MULTI_AZ, group(goodGroup().multiAz("disabled").build())).status()).isEqualTo(Status.FAIL);
            assertThat(run(AvailabilityChecks.MULTI_AZ, memoryDb(1, Posture.builder().multiAz("multiaz").build())).status()).isEqualTo(Status.PASS);
            assertThat(run(AvailabilityChecks.MULTI_AZ, memoryDb(1, Posture.builder().multiAz("singleaz").build())).status()).isEqualTo(Status.FAIL);
            assertThat(run(AvailabilityChecks.MULTI_AZ, memoryDb(1, Posture.builder().build())).status()).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void memcachedIsJudgedByItsNodesZones() {
            Cluster spread = new Cluster(ClusterKind.ELASTICACHE, "us-east-1", "pages", "arn:pages", Engine.MEMCACHED, "1.6.22", "cache.m6g.large",
                    2, null, false, "available", false, Map.of(), List.of(new Shard("0001", List.of(
                    new Node("pages", "0001", NodeRole.UNKNOWN, null, "us-east-1a"), new Node("pages", "0002", NodeRole.UNKNOWN, null, "us-east-1b")))),
                    null, null, true, Posture.EMPTY);
            assertThat(run(AvailabilityChecks.MULTI_AZ, spread).status()).isEqualTo(Status.PASS);
            assertThat(run(AvailabilityChecks.MULTI_AZ, memcached(Posture.EMPTY)).status()).isEqualTo(Status.UNKNOWN);
            assertThat(run(AvailabilityChecks.MULTI_AZ, serverless(Posture.EMPTY)).status()).isEqualTo(Status.NOT_APPLICABLE);
        }
    }

    @Nested
    class Backups {
        @Test
        void offIsHighShortIsLowEnoughPasses() {
            Outcome off = run(AvailabilityChecks.BACKUP_RETENTION, group(goodGroup().backupRetentionDays(0).build()));
            assertThat(off.status()).isEqualTo(Status.FAIL);
            assertThat(off.severity()).isNull();
            Outcome shortOnes = run(AvailabilityChecks::backupRetention, group(goodGroup().backupRetentionDays(3).build()),
                    new AuditPolicy(List.of(), Map.of(), 7, null));
            assertThat(shortOnes.status()).isEqualTo(Status.FAIL);
            assertThat(shortOnes.severity()).isEqualTo(Severity.LOW);
            assertThat(shortOnes.evidence()).containsEntry("minimumDays", 7);
            assertThat(run(AvailabilityChecks.BACKUP_RETENTION, group(goodGroup().backupRetentionDays(1).build())).status()).isEqualTo(Status.PASS);
        }

        @Test
        void memcachedNodeBasedIsNotApplicableButServerlessMemcachedIsJudged() {
            Outcome m = run(AvailabilityChecks.BACKUP_RETENTION, memcached(Posture.builder().build()));
            assertThat(m.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(m.reason()).isEqualTo("node-based Memcached has no backups");
            Cluster serverlessMemcached = new Cluster(ClusterKind.SERVERLESS, "us-east-1", "m", "arn:m", Engine.MEMCACHED, "1.6", null, null, null,
                    true, "available", false, Map.of(), List.of(), null, null, false, Posture.builder().backupRetentionDays(0).build());
            assertThat(run(AvailabilityChecks.BACKUP_RETENTION, serverlessMemcached).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void absentRetentionIsUnknown() {
            assertThat(run(AvailabilityChecks.BACKUP_RETENTION, serverless(Posture.EMPTY)).status()).isEqualTo(Status.UNKNOWN);
        }
    }

    @Nested
    class Maintenance {
        @Test
        void autoMinorOnlyWhereTheEngineVersionSupportsIt() {
            Cluster old = new Cluster(ClusterKind.ELASTICACHE, "us-east-1", "old", "arn:old", Engine.REDIS, "5.0.6", "cache.m5.large", 2, null, false,
                    "available", false, Map.of(), List.of(new Shard("0001", List.of(new Node("old", "0001", NodeRole.PRIMARY, null, null)))), null, null,
                    true, Posture.builder().autoMinorVersionUpgrade(false).build());
            assertThat(run(MaintenanceChecks.AUTO_MINOR, old).status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(run(MaintenanceChecks.AUTO_MINOR, group(goodGroup().autoMinorVersionUpgrade(false).build())).status()).isEqualTo(Status.FAIL);
            assertThat(run(MaintenanceChecks.AUTO_MINOR, serverless(Posture.EMPTY)).status()).isEqualTo(Status.NOT_APPLICABLE);
        }

        @Test
        void autoMinorMembersThatDisagreeAreNamed() {
            MemberPosture off = new MemberPosture("orders-002", "7.1.0", "private", List.of("sg-1"), null, null, null, false);
            Outcome o = run(MaintenanceChecks.AUTO_MINOR, group(goodGroup().autoMinorVersionUpgrade(null).members(List.of(member("orders-001"), off)).build()));
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.reason()).contains("orders-002");
        }

        @Test
        void memoryDbAutoMinorRemediationSaysFixedAtCreation() {
            assertThat(run(MaintenanceChecks.AUTO_MINOR, memoryDb(1, Posture.builder().autoMinorVersionUpgrade(false).build())).status()).isEqualTo(Status.FAIL);
            assertThat(MaintenanceChecks.AUTO_MINOR.remediation()).contains("MemoryDB: the setting is fixed at creation");
        }

        @Test
        void endOfLifeFromTheTable() {
            Cluster five = Fixtures.redisSingleNode("five", "cache.m5.large", 2);
            five = new Cluster(five.kind(), five.region(), five.id(), five.arn(), five.engine(), "5.0.6", five.nodeType(), five.vcpus(), null, false,
                    "available", false, Map.of(), five.shards(), null, null, true, Posture.EMPTY);
            Outcome past = run(MaintenanceChecks.END_OF_LIFE, five);
            assertThat(past.status()).isEqualTo(Status.FAIL);
            assertThat(past.severity()).isNull();
            assertThat(past.evidence()).containsEntry("endOfStandardSupport", "2026-01-31");
            Cluster six = new Cluster(five.kind(), five.region(), "six", "arn:six", five.engine(), "6.2.6", five.nodeType(), five.vcpus(), null, false,
                    "available", false, Map.of(), five.shards(), null, null, true, Posture.EMPTY);
            Outcome soon = run(MaintenanceChecks.END_OF_LIFE, six);
            assertThat(soon.status()).isEqualTo(Status.FAIL);
            assertThat(soon.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(run(MaintenanceChecks.END_OF_LIFE, group(goodGroup().build())).status()).isEqualTo(Status.PASS);
            assertThat(run(MaintenanceChecks.END_OF_LIFE, memoryDb(1, Posture.EMPTY)).status()).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void securityUpdatesPastTheirDate() {
            ServiceUpdate overdue = new ServiceUpdate("elasticache-20260101-001", "security-update", "important", "2026-10-01", "not-applied", "no");
            ServiceUpdate later = new ServiceUpdate("elasticache-20261101-001", "security-update", "critical", "2027-01-15", "not-applied", "n/a");
            ServiceUpdate engine = new ServiceUpdate("elasticache-20260101-002", "engine-update", "important", "2026-01-01", "not-applied", "no");
            ServiceUpdate low = new ServiceUpdate("elasticache-20260101-003", "security-update", "low", "2026-01-01", "not-applied", "no");
            assertThat(run(MaintenanceChecks.SECURITY_UPDATES, group(goodGroup().updates(List.of(overdue, later)).build())).status()).isEqualTo(Status.FAIL);
            assertThat(run(MaintenanceChecks.SECURITY_UPDATES, group(goodGroup().updates(List.of(later, engine, low)).build())).status()).isEqualTo(Status.PASS);
            ServiceUpdate applying = new ServiceUpdate(overdue.name(), overdue.type(), overdue.severity(), overdue.applyBy(), "in-progress", "no");
            assertThat(run(MaintenanceChecks.SECURITY_UPDATES, group(goodGroup().updates(List.of(applying)).build())).status()).isEqualTo(Status.PENDING);
            Outcome unread = run(MaintenanceChecks.SECURITY_UPDATES, group(goodGroup().updates(null)
                    .unknown("updates", "ElastiCache.DescribeUpdateActions failed: NotImplemented").build()));
            assertThat(unread.status()).isEqualTo(Status.UNKNOWN);
            assertThat(unread.reason()).contains("DescribeUpdateActions");
        }
    }

    @Nested
    class Operations {
        @Test
        void requiredTagsFromPolicyOrDefault() {
            Cluster c = Fixtures.withTags(group(goodGroup().build()), Map.of("Environment", "prod", "App", " "));
            Outcome o = run(OperationsChecks.REQUIRED_TAGS, c);
            assertThat(o.status()).isEqualTo(Status.FAIL);
            assertThat(o.evidence()).containsEntry("missing", List.of("App", "Owner"));
            assertThat(run(OperationsChecks::requiredTags, c, new AuditPolicy(List.of(), Map.of(), null, List.of("Environment"))).status())
                    .isEqualTo(Status.PASS);
        }

        @Test
        void eventNotificationsUnknownWhenAbsentFailWhenInactive() {
            MemberPosture none = new MemberPosture("orders-001", "7.1.0", "private", List.of(), null, null, null, true);
            assertThat(run(OperationsChecks.EVENT_NOTIFICATIONS, group(goodGroup().members(List.of(none)).build())).status()).isEqualTo(Status.UNKNOWN);
            MemberPosture inactive = new MemberPosture("orders-001", "7.1.0", "private", List.of(), null, "arn:aws:sns:us-east-1:1:t", "inactive", true);
            assertThat(run(OperationsChecks.EVENT_NOTIFICATIONS, group(goodGroup().members(List.of(inactive)).build())).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void alarmsInPlace() {
            Cluster c = group(goodGroup().build());
            Function<AlarmCoverage, Outcome> with = cov -> OperationsChecks.alarmsInPlace(new CheckContext(c, AuditPolicy.DEFAULTS, TODAY, cov, null, false));
            assertThat(with.apply(new AlarmCoverage(10, List.of(), List.of(), null)).status()).isEqualTo(Status.PASS);
            Outcome missing = with.apply(new AlarmCoverage(10, List.of("cachewatch-elasticache/orders-001/0001/cpu-high"), List.of(), null));
            assertThat(missing.status()).isEqualTo(Status.FAIL);
            assertThat(missing.evidence()).containsEntry("expected", 10);
            assertThat(with.apply(new AlarmCoverage(0, List.of(), List.of(), "profile 'x' does not exist")).status()).isEqualTo(Status.UNKNOWN);
            assertThat(with.apply(null).status()).isEqualTo(Status.UNKNOWN);
            assertThat(OperationsChecks.alarmsInPlace(new CheckContext(c, AuditPolicy.DEFAULTS, TODAY, null, null, true)).status())
                    .isEqualTo(Status.NOT_APPLICABLE);
        }
    }
}
