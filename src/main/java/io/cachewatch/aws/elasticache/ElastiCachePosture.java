package io.cachewatch.aws.elasticache;

import io.cachewatch.posture.MemberPosture;
import io.cachewatch.posture.Posture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.PendingModifiedValues;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroupPendingModifiedValues;
import software.amazon.awssdk.services.elasticache.model.SecurityGroupMembership;
import software.amazon.awssdk.services.elasticache.model.ServerlessCache;

/**
 * Pure translation of the audit-relevant ElastiCache fields into a {@link Posture}. A field the response lacks stays
 * null (unknown): moto and older API versions omit AutoMinorVersionUpgrade, TransitEncryptionMode and others, and a
 * missing field is not "off". Field names: ElastiCache API reference (ReplicationGroup, CacheCluster, ServerlessCache).
 */
public final class ElastiCachePosture {
    private ElastiCachePosture() {
    }

    /**
     * A replication group. Engine version, subnet group, security groups, maintenance window and notification topic
     * exist only on its member cache clusters, so each member is read from {@code memberClusters}; a member not listed
     * there (moto never lists them) has those fields unknown.
     */
    public static Posture replicationGroup(ReplicationGroup rg, Map<String, CacheCluster> memberClusters) {
        Posture.Builder p = Posture.builder()
                .backupRetentionDays(rg.snapshotRetentionLimit())
                .automaticFailover(lower(rg.automaticFailoverAsString()))
                .multiAz(lower(rg.multiAZAsString()))
                .transitEncryption(rg.transitEncryptionEnabled())
                .transitEncryptionMode(lower(rg.transitEncryptionModeAsString()))
                .atRestEncryption(rg.atRestEncryptionEnabled())
                .kmsKeyId(rg.kmsKeyId())
                .authTokenEnabled(rg.authTokenEnabled())
                .userGroupIds(rg.hasUserGroupIds() ? rg.userGroupIds() : null)
                .autoMinorVersionUpgrade(rg.autoMinorVersionUpgrade())
                .createdAt(rg.replicationGroupCreateTime());
        if (rg.replicationGroupCreateTime() == null) {
            p.unknown("createdAt", "DescribeReplicationGroups returned no ReplicationGroupCreateTime");
        }
        if (!rg.hasUserGroupIds()) {
            p.unknown("userGroupIds", "DescribeReplicationGroups returned no UserGroupIds");
        }
        pending(p, rg.pendingModifiedValues());
        List<MemberPosture> members = new ArrayList<>();
        List<String> unseen = new ArrayList<>();
        for (String id : rg.memberClusters()) {
            CacheCluster member = memberClusters.get(id);
            if (member == null) {
                unseen.add(id);
                members.add(new MemberPosture(id, null, null, null, null, null, null, null));
            } else {
                members.add(member(member));
            }
        }
        if (!unseen.isEmpty()) {
            String reason = "member clusters " + String.join(", ", unseen) + " were not listed by DescribeCacheClusters";
            for (String field : List.of("engineVersion", "subnetGroup", "securityGroupIds", "maintenanceWindow", "notificationTopic",
                    "parameterGroup")) {
                p.unknown(field, reason);
            }
        } else {
            // the parameter group is a member setting; AWS keeps the members of a group on one parameter group
            List<String> groups = rg.memberClusters().stream().map(id -> parameterGroup(memberClusters.get(id))).distinct().toList();
            if (groups.size() == 1 && groups.get(0) != null) {
                p.parameterGroup(groups.get(0));
            } else {
                p.unknown("parameterGroup", groups.contains(null) ? "DescribeCacheClusters returned no CacheParameterGroup for a member"
                        : "the members are on different parameter groups: " + groups);
            }
        }
        return p.members(members).build();
    }

    /** A standalone cache cluster (Memcached, or a single-node Redis OSS / Valkey cluster): it is its own only member. */
    public static Posture cacheCluster(CacheCluster cc) {
        Posture.Builder p = Posture.builder()
                .backupRetentionDays(cc.snapshotRetentionLimit())
                .transitEncryption(cc.transitEncryptionEnabled())
                .transitEncryptionMode(lower(cc.transitEncryptionModeAsString()))
                .atRestEncryption(cc.atRestEncryptionEnabled())
                .authTokenEnabled(cc.authTokenEnabled())
                .autoMinorVersionUpgrade(cc.autoMinorVersionUpgrade())
                .createdAt(cc.cacheClusterCreateTime())
                .parameterGroup(parameterGroup(cc))
                .members(List.of(member(cc)));
        if (cc.cacheClusterCreateTime() == null) {
            p.unknown("createdAt", "DescribeCacheClusters returned no CacheClusterCreateTime");
        }
        if (parameterGroup(cc) == null) {
            p.unknown("parameterGroup", "DescribeCacheClusters returned no CacheParameterGroup");
        }
        // A cache cluster has no RBAC field of its own: user groups attach to replication groups and serverless caches.
        p.userGroupIds(List.of());
        PendingModifiedValues pending = cc.pendingModifiedValues();
        if (pending != null) {
            p.pending("transitEncryption", pending.transitEncryptionEnabled())
                    .pending("transitEncryptionMode", lower(pending.transitEncryptionModeAsString()))
                    .pending("authToken", lower(pending.authTokenStatusAsString()))
                    .pending("engineVersion", pending.engineVersion());
        }
        if (!cc.hasSecurityGroups()) {
            p.unknown("securityGroupIds", "DescribeCacheClusters returned no SecurityGroups for " + cc.cacheClusterId());
        }
        return p.build();
    }

    /**
     * A serverless cache. In-transit and at-rest encryption are always on ("All serverless caches have in-transit
     * encryption enabled", ElastiCache guide; data at rest is encrypted with the service key unless KmsKeyId names
     * one). Omitted SecurityGroupIds mean the VPC's default security group (API reference, CreateServerlessCache).
     */
    public static Posture serverlessCache(ServerlessCache cache) {
        Posture.Builder p = Posture.builder()
                .backupRetentionDays(cache.snapshotRetentionLimit())
                .transitEncryption(true)
                .atRestEncryption(true)
                .kmsKeyId(cache.kmsKeyId())
                .userGroupIds(cache.userGroupId() == null ? List.of() : List.of(cache.userGroupId()))
                .subnetIds(cache.hasSubnetIds() ? cache.subnetIds() : null)
                .members(List.of(new MemberPosture(cache.serverlessCacheName(), cache.fullEngineVersion() != null
                        ? cache.fullEngineVersion() : cache.majorEngineVersion(), null,
                        cache.hasSecurityGroupIds() ? cache.securityGroupIds() : null, null, null, null, null)));
        if (!cache.hasSecurityGroupIds()) {
            p.unknown("securityGroupIds", "DescribeServerlessCaches returned no SecurityGroupIds");
        }
        return p.build();
    }

    private static void pending(Posture.Builder p, ReplicationGroupPendingModifiedValues pending) {
        if (pending == null) {
            return;
        }
        p.pending("automaticFailover", lower(pending.automaticFailoverStatusAsString()))
                .pending("transitEncryption", pending.transitEncryptionEnabled())
                .pending("transitEncryptionMode", lower(pending.transitEncryptionModeAsString()))
                .pending("authToken", lower(pending.authTokenStatusAsString()));
        if (pending.userGroups() != null && (pending.userGroups().hasUserGroupIdsToAdd() || pending.userGroups().hasUserGroupIdsToRemove())) {
            p.pending("userGroups", "add " + pending.userGroups().userGroupIdsToAdd() + ", remove " + pending.userGroups().userGroupIdsToRemove());
        }
    }

    private static String parameterGroup(CacheCluster cc) {
        return cc.cacheParameterGroup() == null ? null : cc.cacheParameterGroup().cacheParameterGroupName();
    }

    static MemberPosture member(CacheCluster cc) {
        return new MemberPosture(cc.cacheClusterId(), cc.engineVersion(), cc.cacheSubnetGroupName(),
                cc.hasSecurityGroups() ? cc.securityGroups().stream().map(SecurityGroupMembership::securityGroupId).toList() : null,
                cc.preferredMaintenanceWindow(),
                cc.notificationConfiguration() == null ? null : cc.notificationConfiguration().topicArn(),
                cc.notificationConfiguration() == null ? null : lower(cc.notificationConfiguration().topicStatus()),
                cc.autoMinorVersionUpgrade());
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
