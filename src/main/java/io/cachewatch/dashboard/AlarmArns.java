package io.cachewatch.dashboard;

import io.cachewatch.inventory.Cluster;
import java.util.Optional;

/**
 * Alarm-status widgets list alarms by ARN. Alarm names are known; partition and account are read from the cluster's
 * own ARN ({@code arn:aws:elasticache:us-east-1:123456789012:replicationgroup:orders}).
 */
record AlarmArns(String partition, String region, String account) {
    static Optional<AlarmArns> of(Cluster cluster) {
        String[] parts = cluster.arn() == null ? new String[0] : cluster.arn().split(":", 6);
        if (parts.length < 6 || !parts[4].matches("\\d{12}") || parts[1].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AlarmArns(parts[1], cluster.region(), parts[4]));
    }

    String arn(String alarmName) {
        return "arn:" + partition + ":cloudwatch:" + region + ":" + account + ":alarm:" + alarmName;
    }
}
