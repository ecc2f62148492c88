package io.cachewatch.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One check on one cluster, after policy and waivers: exactly one per cluster and check.
 *
 * @param kind the cluster's identity kind ({@link io.cachewatch.inventory.ClusterRef}): {@code cachecluster} for a
 *             standalone cache cluster, so it never shares ids with a replication group of the same name
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"check", "status", "severity", "region", "kind", "cluster", "evidence", "reason", "remediation", "waiver"})
public record AuditResult(String check, Status status, Severity severity, String region, String kind, String cluster,
                          Map<String, Object> evidence, String reason, String remediation, String waiver) {
    /** Stable identity: {@code cachewatch/<region>/<kind>/<cluster>/<check>} (Security Hub finding id, notify state). */
    public String id() {
        return "cachewatch/" + region + "/" + kind + "/" + cluster + "/" + check;
    }

    /** Failing for gates and notifications: status fail. */
    public boolean failing() {
        return status == Status.FAIL;
    }
}
