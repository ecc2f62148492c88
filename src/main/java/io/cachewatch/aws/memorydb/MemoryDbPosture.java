package io.cachewatch.aws.memorydb;

import io.cachewatch.posture.MemberPosture;
import io.cachewatch.posture.Posture;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import software.amazon.awssdk.services.memorydb.model.Cluster;
import software.amazon.awssdk.services.memorydb.model.Node;
import software.amazon.awssdk.services.memorydb.model.PendingModifiedServiceUpdate;
import software.amazon.awssdk.services.memorydb.model.SecurityGroupMembership;

/**
 * Pure translation of the audit-relevant MemoryDB fields into a {@link Posture}. At-rest encryption is always on
 * (MemoryDB guide, "At-Rest Encryption": "always enabled"); AvailabilityMode is compared in lower case because the API
 * enum is {@code singleaz|multiaz} while moto answers {@code SingleAZ/MultiAZ}.
 */
public final class MemoryDbPosture {
    private MemoryDbPosture() {
    }

    public static Posture cluster(Cluster cluster) {
        Posture.Builder p = Posture.builder()
                .backupRetentionDays(cluster.snapshotRetentionLimit())
                .multiAz(cluster.availabilityModeAsString() == null ? null : cluster.availabilityModeAsString().toLowerCase(Locale.ROOT))
                .transitEncryption(cluster.tlsEnabled())
                .atRestEncryption(true)
                .kmsKeyId(cluster.kmsKeyId())
                .aclName(cluster.aclName())
                .autoMinorVersionUpgrade(cluster.autoMinorVersionUpgrade())
                .parameterGroup(cluster.parameterGroupName())
                .members(List.of(new MemberPosture(cluster.name(), cluster.engineVersion(), cluster.subnetGroupName(),
                        cluster.hasSecurityGroups() ? cluster.securityGroups().stream().map(SecurityGroupMembership::securityGroupId).toList() : null,
                        cluster.maintenanceWindow(), cluster.snsTopicArn(),
                        cluster.snsTopicStatus() == null ? null : cluster.snsTopicStatus().toLowerCase(Locale.ROOT),
                        cluster.autoMinorVersionUpgrade())));
        // a MemoryDB cluster has no creation time of its own: its oldest node's is the cluster's
        Instant created = cluster.shards().stream().filter(s -> s.hasNodes()).flatMap(s -> s.nodes().stream()).map(Node::createTime)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        p.createdAt(created);
        if (created == null) {
            p.unknown("createdAt", "DescribeClusters (ShowShardDetails) returned no node CreateTime");
        }
        if (cluster.parameterGroupName() == null) {
            p.unknown("parameterGroup", "DescribeClusters returned no ParameterGroupName");
        }
        if (!cluster.hasSecurityGroups()) {
            p.unknown("securityGroupIds", "DescribeClusters returned no SecurityGroups");
        }
        if (cluster.pendingUpdates() != null) {
            if (cluster.pendingUpdates().acLs() != null) {
                p.pending("aclName", cluster.pendingUpdates().acLs().aclToApply());
            }
            if (cluster.pendingUpdates().hasServiceUpdates() && !cluster.pendingUpdates().serviceUpdates().isEmpty()) {
                p.pending("serviceUpdates", String.join(", ", cluster.pendingUpdates().serviceUpdates().stream()
                        .map(PendingModifiedServiceUpdate::serviceUpdateName).toList()));
            }
        }
        return p.build();
    }
}
