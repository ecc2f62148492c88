package io.cachewatch.aws.memorydb;

import io.cachewatch.posture.MemberPosture;
import io.cachewatch.posture.Posture;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.memorydb.model.Cluster;
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
                .members(List.of(new MemberPosture(cluster.name(), cluster.engineVersion(), cluster.subnetGroupName(),
                        cluster.hasSecurityGroups() ? cluster.securityGroups().stream().map(SecurityGroupMembership::securityGroupId).toList() : null,
                        cluster.maintenanceWindow(), cluster.snsTopicArn(),
                        cluster.snsTopicStatus() == null ? null : cluster.snsTopicStatus().toLowerCase(Locale.ROOT),
                        cluster.autoMinorVersionUpgrade())));
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
