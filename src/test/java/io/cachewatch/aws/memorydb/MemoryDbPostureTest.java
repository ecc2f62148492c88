package io.cachewatch.aws.memorydb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.posture.Posture;
import io.cachewatch.posture.ServiceUpdate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.memorydb.model.ACLsUpdateStatus;
import software.amazon.awssdk.services.memorydb.model.Cluster;
import software.amazon.awssdk.services.memorydb.model.ClusterPendingUpdates;
import software.amazon.awssdk.services.memorydb.model.SecurityGroupMembership;

/**
 * MemoryDB posture from the DescribeClusters shape of the API reference; AvailabilityMode in moto's capitalisation too.
 * moto does not implement DescribeServiceUpdates, so that shape is built from the API reference (ServiceUpdate).
 */
class MemoryDbPostureTest {
    @Test
    void clusterFields() {
        Cluster cluster = Cluster.builder().name("ledger").availabilityMode("MultiAZ").tlsEnabled(false).aclName("open-access")
                .snapshotRetentionLimit(0).autoMinorVersionUpgrade(true).subnetGroupName("default").engineVersion("7.1")
                .securityGroups(SecurityGroupMembership.builder().securityGroupId("sg-9").status("active").build())
                .snsTopicArn("arn:aws:sns:us-east-1:1:t").snsTopicStatus("ACTIVE")
                .pendingUpdates(ClusterPendingUpdates.builder().acLs(ACLsUpdateStatus.builder().aclToApply("app-users").build()).build())
                .build();
        Posture p = MemoryDbPosture.cluster(cluster);
        assertThat(p.multiAz()).isEqualTo("multiaz");
        assertThat(p.transitEncryption()).isFalse();
        assertThat(p.atRestEncryption()).isTrue();
        assertThat(p.aclName()).isEqualTo("open-access");
        assertThat(p.pending()).containsEntry("aclName", "app-users");
        assertThat(p.members()).singleElement().satisfies(m -> {
            assertThat(m.subnetGroup()).isEqualTo("default");
            assertThat(m.securityGroupIds()).containsExactly("sg-9");
            assertThat(m.notificationTopicStatus()).isEqualTo("active");
        });
    }

    @Test
    void absentSecurityGroupsAreUnknown() {
        Posture p = MemoryDbPosture.cluster(Cluster.builder().name("ledger").build());
        assertThat(p.securityGroupIdsUnknown()).isTrue();
        assertThat(p.multiAz()).isNull();
        assertThat(p.transitEncryption()).isNull();
    }

    @Test
    void serviceUpdatesByCluster() {
        var u = software.amazon.awssdk.services.memorydb.model.ServiceUpdate.builder().clusterName("ledger").serviceUpdateName("memorydb-1")
                .type("security-update").status("available").autoUpdateStartDate(Instant.parse("2026-09-01T00:00:00Z")).build();
        assertThat(MemoryDbUpdateReader.translate(List.of(u)).get("ledger"))
                .containsExactly(new ServiceUpdate("memorydb-1", "security-update", null, "2026-09-01", "available", null));
    }

    @Test
    void theOldestNodesCreateTimeStandsInForTheClustersAndTheParameterGroupIsNamed() {
        // DescribeClusters with ShowShardDetails: Shard.Nodes[].CreateTime (the Cluster shape has no creation time)
        var shard = software.amazon.awssdk.services.memorydb.model.Shard.builder().name("0001").nodes(
                software.amazon.awssdk.services.memorydb.model.Node.builder().name("ledger-0001-001").createTime(Instant.parse("2025-05-02T00:00:00Z")).build(),
                software.amazon.awssdk.services.memorydb.model.Node.builder().name("ledger-0001-002").createTime(Instant.parse("2025-05-01T00:00:00Z")).build())
                .build();
        Posture p = MemoryDbPosture.cluster(Cluster.builder().name("ledger").parameterGroupName("default.memorydb-redis7").shards(shard).build());
        assertThat(p.createdAt()).isEqualTo("2025-05-01T00:00:00Z");
        assertThat(p.parameterGroup()).isEqualTo("default.memorydb-redis7");
        Posture none = MemoryDbPosture.cluster(Cluster.builder().name("ledger").build());
        assertThat(none.whyUnknown("createdAt")).isEqualTo("DescribeClusters (ShowShardDetails) returned no node CreateTime");
        assertThat(none.whyUnknown("parameterGroup")).isEqualTo("DescribeClusters returned no ParameterGroupName");
    }
}
