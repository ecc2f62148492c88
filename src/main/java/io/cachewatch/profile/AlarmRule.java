package io.cachewatch.profile;

import io.cachewatch.alarm.Comparison;
import io.cachewatch.alarm.TreatMissingData;

/**
 * One fully resolved rule of a profile (after {@code extends} and overrides).
 *
 * @param threshold  a number or an expression over facts; evaluated per resource
 * @param severity   {@code critical}, {@code warning} or {@code info}; selects the notification topic
 * @param location   where the rule (or its last override) was written
 * @param namespace  {@code cachewatch/SlowLog} for cachewatch's own metrics; null for the kind's AWS namespace
 */
public record AlarmRule(
        String id,
        Applicability appliesTo,
        String metric,
        String statistic,
        int period,
        int evaluationPeriods,
        int datapointsToAlarm,
        Comparison comparison,
        Expression threshold,
        TreatMissingData treatMissingData,
        String severity,
        String description,
        SourceLocation location,
        String namespace) {

    /** The namespace of the rule's metric for a cluster of this kind. */
    public String namespaceFor(io.cachewatch.inventory.ClusterKind kind) {
        return namespace != null ? namespace : kind.namespace();
    }
}
