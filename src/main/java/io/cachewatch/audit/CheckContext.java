package io.cachewatch.audit;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.usage.ClusterUsage;
import io.cachewatch.posture.Posture;
import io.cachewatch.profile.AuditPolicy;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a check may read about one cluster.
 *
 * @param alarms         how its alarms compare with its profile; null when they were not read
 * @param alarmsUnknown  why {@code alarms} is null
 * @param ignored        the cluster opted out of cachewatch's alarms ({@code cachewatch:ignore=true})
 * @param usage          its metric figures over the lookback; null when they were not read
 * @param usageUnknown   why {@code usage} is null
 */
public record CheckContext(Cluster cluster, AuditPolicy policy, LocalDate today, AlarmCoverage alarms, String alarmsUnknown,
                           boolean ignored, ClusterUsage usage, String usageUnknown) {
    /** A context without usage figures (the checks that read them say why: "usage was not read"). */
    public CheckContext(Cluster cluster, AuditPolicy policy, LocalDate today, AlarmCoverage alarms, String alarmsUnknown, boolean ignored) {
        this(cluster, policy, today, alarms, alarmsUnknown, ignored, null, "usage was not read");
    }

    /** Default of backup-retention-days: 1, as Security Hub ElastiCache.1's snapshotRetentionPeriod default. */
    public static final int DEFAULT_BACKUP_RETENTION_DAYS = 1;
    /** Default of required-tags: the keys the ElastiCache best-practice notes name. */
    public static final List<String> DEFAULT_REQUIRED_TAGS = List.of("Environment", "App", "Owner");

    public Posture posture() {
        return cluster.posture() == null ? Posture.EMPTY : cluster.posture();
    }

    public int backupRetentionDays() {
        return policy.backupRetentionDays() == null ? DEFAULT_BACKUP_RETENTION_DAYS : policy.backupRetentionDays();
    }

    public List<String> requiredTags() {
        return policy.requiredTags() == null ? DEFAULT_REQUIRED_TAGS : policy.requiredTags();
    }
}
