package io.cachewatch.aws.elasticache;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.posture.MemberPosture;
import io.cachewatch.posture.Posture;
import io.cachewatch.posture.ServiceUpdate;
import io.cachewatch.posture.UserGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticache.model.Authentication;
import software.amazon.awssdk.services.elasticache.model.AuthenticationType;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.CacheParameterGroupStatus;
import software.amazon.awssdk.services.elasticache.model.NotificationConfiguration;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroupPendingModifiedValues;
import software.amazon.awssdk.services.elasticache.model.SecurityGroupMembership;
import software.amazon.awssdk.services.elasticache.model.ServerlessCache;
import software.amazon.awssdk.services.elasticache.model.UpdateAction;
import software.amazon.awssdk.services.elasticache.model.User;

/**
 * Posture translation from SDK shapes built after the ElastiCache API reference (ReplicationGroup,
 * ReplicationGroupPendingModifiedValues, CacheCluster, ServerlessCache, UserGroup, User, UpdateAction). moto lists no
 * replication-group member clusters, answers DescribeServerlessCaches, DescribeUserGroups and DescribeUpdateActions with
 * errors, so these shapes are covered here only; what moto does return is covered by AuditCliIT.
 */
class ElastiCachePostureTest {
    private static CacheCluster member(String id, String subnetGroup, Boolean autoMinor) {
        return CacheCluster.builder().cacheClusterId(id).replicationGroupId("orders").engine("redis").engineVersion("7.1.0")
                .cacheSubnetGroupName(subnetGroup).preferredMaintenanceWindow("sun:05:00-sun:06:00")
                .securityGroups(SecurityGroupMembership.builder().securityGroupId("sg-0a1").status("active").build())
                .notificationConfiguration(NotificationConfiguration.builder().topicArn("arn:aws:sns:eu-west-1:123456789012:events").topicStatus("active").build())
                .cacheParameterGroup(CacheParameterGroupStatus.builder().cacheParameterGroupName("orders-params").parameterApplyStatus("in-sync").build())
                .autoMinorVersionUpgrade(autoMinor).build();
    }

    @Test
    void replicationGroupReadsItsFlagsAndEveryMember() {
        ReplicationGroup rg = ReplicationGroup.builder().replicationGroupId("orders").memberClusters("orders-001", "orders-002")
                .snapshotRetentionLimit(5).automaticFailover("enabled").multiAZ("enabled").transitEncryptionEnabled(true)
                .transitEncryptionMode("preferred").atRestEncryptionEnabled(true).kmsKeyId("arn:aws:kms:eu-west-1:123456789012:key/k")
                .authTokenEnabled(false).userGroupIds("ug-app").autoMinorVersionUpgrade(true)
                .replicationGroupCreateTime(java.time.Instant.parse("2025-03-01T10:00:00Z"))
                .pendingModifiedValues(ReplicationGroupPendingModifiedValues.builder().transitEncryptionMode("required").build())
                .build();
        Posture p = ElastiCachePosture.replicationGroup(rg, Map.of("orders-001", member("orders-001", "private-a", true),
                "orders-002", member("orders-002", "default", false)));

        assertThat(p.backupRetentionDays()).isEqualTo(5);
        assertThat(p.automaticFailover()).isEqualTo("enabled");
        assertThat(p.multiAz()).isEqualTo("enabled");
        assertThat(p.transitEncryptionMode()).isEqualTo("preferred");
        assertThat(p.pending()).containsExactly(Map.entry("transitEncryptionMode", "required"));
        assertThat(p.userGroupIds()).containsExactly("ug-app");
        assertThat(p.members()).extracting(MemberPosture::id, MemberPosture::subnetGroup, MemberPosture::autoMinorVersionUpgrade)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orders-001", "private-a", true),
                        org.assertj.core.groups.Tuple.tuple("orders-002", "default", false));
        assertThat(p.members().get(0).securityGroupIds()).containsExactly("sg-0a1");
        assertThat(p.members().get(0).notificationTopicStatus()).isEqualTo("active");
        assertThat(p.securityGroupIds()).containsExactly("sg-0a1");
        assertThat(p.createdAt()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(p.parameterGroup()).isEqualTo("orders-params"); // the members' CacheParameterGroup
        assertThat(p.unknown()).isEmpty();
    }

    @Test
    void fieldsAwsLeftOutStayUnknownNeverFalse() {
        // moto's shape: only the fields set at creation, no member clusters listed
        ReplicationGroup rg = ReplicationGroup.builder().replicationGroupId("orders").memberClusters("orders-001")
                .automaticFailover("disabled").build();
        Posture p = ElastiCachePosture.replicationGroup(rg, Map.of());

        assertThat(p.transitEncryption()).isNull();
        assertThat(p.atRestEncryption()).isNull();
        assertThat(p.autoMinorVersionUpgrade()).isNull();
        assertThat(p.userGroupIds()).isNull();
        assertThat(p.members()).singleElement().satisfies(m -> {
            assertThat(m.subnetGroup()).isNull();
            assertThat(m.securityGroupIds()).isNull();
        });
        assertThat(p.securityGroupIdsUnknown()).isTrue();
        assertThat(p.whyUnknown("subnetGroup")).contains("orders-001").contains("not listed by DescribeCacheClusters");
    }

    @Test
    void standaloneClusterIsItsOwnMember() {
        CacheCluster cc = CacheCluster.builder().cacheClusterId("pages").engine("memcached").engineVersion("1.6.22")
                .cacheSubnetGroupName("default").transitEncryptionEnabled(false).build();
        Posture p = ElastiCachePosture.cacheCluster(cc);
        assertThat(p.members()).extracting(MemberPosture::id).containsExactly("pages");
        assertThat(p.transitEncryption()).isFalse();
        assertThat(p.userGroupIds()).isEmpty();
        assertThat(p.whyUnknown("securityGroupIds")).contains("pages");
    }

    @Test
    void serverlessIsEncryptedByDesignAndKeepsItsNetworkFields() {
        ServerlessCache cache = ServerlessCache.builder().serverlessCacheName("sessions").engine("valkey").majorEngineVersion("8")
                .snapshotRetentionLimit(3).securityGroupIds("sg-1").subnetIds("subnet-a", "subnet-b").userGroupId("ug-1").build();
        Posture p = ElastiCachePosture.serverlessCache(cache);
        assertThat(p.transitEncryption()).isTrue();
        assertThat(p.atRestEncryption()).isTrue();
        assertThat(p.backupRetentionDays()).isEqualTo(3);
        assertThat(p.subnetIds()).containsExactly("subnet-a", "subnet-b");
        assertThat(p.userGroupIds()).containsExactly("ug-1");
        assertThat(p.securityGroupIds()).containsExactly("sg-1");
    }

    @Test
    void userGroupWhoseDefaultUserHasNoPasswordAndIsOnIsOpen() {
        User openDefault = User.builder().userId("default").userName("default").accessString("on ~* +@all")
                .authentication(Authentication.builder().type(AuthenticationType.NO_PASSWORD).build()).build();
        User closedDefault = User.builder().userId("app-default").userName("default").accessString("off ~* +@all")
                .authentication(Authentication.builder().type(AuthenticationType.NO_PASSWORD).build()).build();
        User app = User.builder().userId("app").userName("app").accessString("on ~app:* +@read")
                .authentication(Authentication.builder().type(AuthenticationType.PASSWORD).passwordCount(1).build()).build();
        var open = software.amazon.awssdk.services.elasticache.model.UserGroup.builder().userGroupId("ug-open").status("active").userIds("default", "app").build();
        var closed = software.amazon.awssdk.services.elasticache.model.UserGroup.builder().userGroupId("ug-closed").status("active").userIds("app-default", "app").build();
        var unreadable = software.amazon.awssdk.services.elasticache.model.UserGroup.builder().userGroupId("ug-x").status("active").userIds("gone").build();

        Map<String, UserGroup> groups = ElastiCacheAccessReader.translate(List.of(open, closed, unreadable), List.of(openDefault, closedDefault, app));

        assertThat(groups.get("ug-open").defaultUserOpen()).isTrue();
        assertThat(groups.get("ug-closed").defaultUserOpen()).isFalse();
        assertThat(groups.get("ug-x").defaultUserOpen()).isNull();
    }

    @Test
    void updateActionsByReplicationGroupElseCacheCluster() {
        UpdateAction onGroup = UpdateAction.builder().replicationGroupId("orders").cacheClusterId("orders-001").serviceUpdateName("u1")
                .serviceUpdateType("security-update").serviceUpdateSeverity("critical")
                .serviceUpdateRecommendedApplyByDate(Instant.parse("2026-10-01T00:00:00Z")).updateActionStatus("not-applied").slaMet("no").build();
        UpdateAction onCluster = UpdateAction.builder().cacheClusterId("pages").serviceUpdateName("u2").serviceUpdateType("engine-update")
                .serviceUpdateSeverity("low").updateActionStatus("scheduled").slaMet("n/a").build();

        Map<String, List<ServiceUpdate>> byCluster = ElastiCacheUpdateReader.translate(List.of(onGroup, onCluster));

        assertThat(byCluster.get("orders")).containsExactly(new ServiceUpdate("u1", "security-update", "critical", "2026-10-01", "not-applied", "no"));
        assertThat(byCluster.get("pages")).containsExactly(new ServiceUpdate("u2", "engine-update", "low", null, "scheduled", "n/a"));
    }
}
