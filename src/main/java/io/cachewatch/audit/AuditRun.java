package io.cachewatch.audit;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every result of one audit run and what kept it from judging fully. */
public record AuditRun(List<AuditResult> results, List<AuditError> errors) {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERRORS = 1;
    public static final int EXIT_FAILING = 2;

    public AuditRun {
        results = List.copyOf(results);
        errors = List.copyOf(errors);
    }

    /** Results by status, every status present (zero included). */
    public Map<Status, Long> countByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        results.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    /** Results by status under the names of the JSON summary: pass, fail, waived, notApplicable, unknown, pending. */
    public Map<String, Long> summary() {
        Map<Status, Long> counts = countByStatus();
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("pass", counts.get(Status.PASS));
        summary.put("fail", counts.get(Status.FAIL));
        summary.put("waived", counts.get(Status.WAIVED));
        summary.put("notApplicable", counts.get(Status.NOT_APPLICABLE));
        summary.put("unknown", counts.get(Status.UNKNOWN));
        summary.put("pending", counts.get(Status.PENDING));
        return summary;
    }

    /** Failing results by severity, every severity present. */
    public Map<Severity, Long> failBySeverity() {
        Map<Severity, Long> counts = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        results.stream().filter(AuditResult::failing).forEach(r -> counts.merge(r.severity(), 1L, Long::sum));
        return counts;
    }

    /**
     * 1 when anything kept the audit from judging (errors), else 2 when a result fails at or above {@code failOn}
     * (null: never), else 0.
     */
    public int exitCode(Severity failOn) {
        if (!errors.isEmpty()) {
            return EXIT_ERRORS;
        }
        boolean failing = failOn != null && results.stream().anyMatch(r -> r.failing() && r.severity().atLeast(failOn));
        return failing ? EXIT_FAILING : EXIT_OK;
    }
}
