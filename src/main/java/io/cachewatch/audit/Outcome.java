package io.cachewatch.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a check found on one cluster, before policy and waivers.
 *
 * @param evidence the fields the verdict rests on, as read (null values mean unknown)
 * @param severity a severity that this finding has instead of the check's default (e.g. retention set but short);
 *                 null for the default
 */
public record Outcome(Status status, String reason, Map<String, Object> evidence, Severity severity) {
    public Outcome {
        evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public static Outcome pass(String reason, Map<String, Object> evidence) {
        return new Outcome(Status.PASS, reason, evidence, null);
    }

    public static Outcome fail(String reason, Map<String, Object> evidence) {
        return new Outcome(Status.FAIL, reason, evidence, null);
    }

    public static Outcome notApplicable(String reason) {
        return new Outcome(Status.NOT_APPLICABLE, reason, Map.of(), null);
    }

    public static Outcome unknown(String reason, Map<String, Object> evidence) {
        return new Outcome(Status.UNKNOWN, reason, evidence, null);
    }

    public static Outcome pending(String reason, Map<String, Object> evidence) {
        return new Outcome(Status.PENDING, reason, evidence, null);
    }

    public Outcome withSeverity(Severity severity) {
        return new Outcome(status, reason, evidence, severity);
    }
}
