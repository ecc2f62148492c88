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
 * @param fieldLocations where each field (YAML key) was last written, for errors found when the rule is applied
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
        String namespace,
        java.util.Map<String, SourceLocation> fieldLocations) {

    public AlarmRule {
        fieldLocations = fieldLocations == null ? java.util.Map.of() : java.util.Map.copyOf(fieldLocations);
    }

    /** {@code file:line: field} of a field of the rule (the rule's own line when the field was inherited unseen). */
    public String where(String field) {
        return fieldLocations.getOrDefault(field, location) + ": " + field;
    }

    /** The namespace of the rule's metric for a cluster of this kind. */
    public String namespaceFor(io.cachewatch.inventory.ClusterKind kind) {
        return namespace != null ? namespace : kind.namespace();
    }
}
