package io.cachewatch.posture;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Settings AWS keeps per member cache cluster of a replication group (a replication group itself has no engine version,
 * subnet group, security groups, maintenance window or notification topic), or of a standalone cluster, serverless cache
 * or MemoryDB cluster itself. Null means unknown.
 *
 * @param id                      member cache cluster id, or the cluster's own id
 * @param securityGroupIds        VPC security groups; null when not returned
 * @param notificationTopicStatus active or inactive
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberPosture(
        String id,
        String engineVersion,
        String subnetGroup,
        List<String> securityGroupIds,
        String maintenanceWindow,
        String notificationTopicArn,
        String notificationTopicStatus,
        Boolean autoMinorVersionUpgrade) {

    public MemberPosture {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("member posture: id must not be empty");
        }
        securityGroupIds = securityGroupIds == null ? null : List.copyOf(securityGroupIds);
    }
}
