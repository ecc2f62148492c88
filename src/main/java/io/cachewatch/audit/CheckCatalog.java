package io.cachewatch.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every audit check, in report order. docs/audit.md lists the same catalog (a test compares them). */
public final class CheckCatalog {
    public static final List<AuditCheck> ALL = List.of(
            SecurityChecks.IN_TRANSIT,
            SecurityChecks.AT_REST,
            SecurityChecks.AUTHENTICATION,
            SecurityChecks.MEMORYDB_OPEN_ACCESS,
            SecurityChecks.DEFAULT_SUBNET_GROUP,
            SecurityChecks.OPEN_SECURITY_GROUP,
            AvailabilityChecks.AUTOMATIC_FAILOVER,
            AvailabilityChecks.MULTI_AZ,
            AvailabilityChecks.BACKUP_RETENTION,
            MaintenanceChecks.AUTO_MINOR,
            MaintenanceChecks.END_OF_LIFE,
            MaintenanceChecks.SECURITY_UPDATES,
            OperationsChecks.EVENT_NOTIFICATIONS,
            OperationsChecks.ALARMS_IN_PLACE,
            OperationsChecks.REQUIRED_TAGS,
            UsageChecks.IDLE_CLUSTER,
            UsageChecks.OVERSIZED_NODE,
            UsageChecks.EVICTION_PRESSURE,
            UsageChecks.TTL_COVERAGE,
            UsageChecks.SHARD_SKEW,
            UsageChecks.CONNECTION_CHURN,
            UsageChecks.MAINTENANCE_WINDOW_BUSY,
            FleetSettingChecks.RESERVED_COVERAGE,
            FleetSettingChecks.MAXMEMORY_POLICY);

    private static final Map<String, AuditCheck> BY_ID = new LinkedHashMap<>();

    static {
        ALL.forEach(c -> {
            if (BY_ID.put(c.id(), c) != null) {
                throw new IllegalStateException("duplicate check id " + c.id());
            }
        });
    }

    private CheckCatalog() {
    }

    public static Optional<AuditCheck> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }
}
