package io.cachewatch.serve;

import io.cachewatch.audit.AuditRun;
import io.cachewatch.auditing.AuditNotify;
import io.cachewatch.console.AuditView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last audit of a target, as /status shows it.
 *
 * @param lastAudit   when the last audit ended; null before the first
 * @param waiting     what the first audit waits for; null once one ran
 * @param ok          the last audit ran without errors (every result could be judged, every message delivered)
 * @param summary     results by status (pass, fail, waived, notApplicable, unknown, pending) and failing results by
 *                    severity under {@code failBySeverity}, as {@code audit --output json} counts them
 * @param failing     every failing result, most severe first
 * @param errors      what kept the last audit from judging fully (the first 20), or why it could not run
 * @param notified    results announced failing and resolved by the last audit's notify, and messages published
 */
public record AuditStatus(Instant lastAudit, String waiting, boolean ok, Map<String, Object> summary, List<AuditView> failing,
                          List<String> errors, Map<String, Integer> notified) {
    /** How many errors /status lists; the log has them all. */
    static final int ERRORS_SHOWN = 20;

    public AuditStatus {
        summary = summary == null ? Map.of() : summary;
        failing = failing == null ? List.of() : List.copyOf(failing);
        errors = errors == null ? List.of() : List.copyOf(errors);
        notified = notified == null ? Map.of() : notified;
    }

    static AuditStatus waiting(String why) {
        return new AuditStatus(null, why, false, null, null, null, null);
    }

    static AuditStatus of(String target, AuditRun run, AuditNotify.Outcome outcome, Instant at) {
        Map<String, Object> summary = new LinkedHashMap<>(run.summary());
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        run.failBySeverity().forEach((severity, n) -> bySeverity.put(severity.id(), n));
        summary.put("failBySeverity", bySeverity);
        Map<String, Integer> notified = new LinkedHashMap<>();
        notified.put("failing", outcome.failing());
        notified.put("resolved", outcome.resolved());
        notified.put("published", outcome.published());
        List<String> errors = run.errors().stream().limit(ERRORS_SHOWN).map(AuditStatus::line).toList();
        return new AuditStatus(at, null, run.errors().isEmpty(), summary, AuditView.failing(target, run.results()), errors, notified);
    }

    /** An audit that could not run at all: the results of the one before stay shown. */
    AuditStatus failed(Instant at, String error) {
        return new AuditStatus(lastAudit == null ? at : lastAudit, null, false, summary, failing, List.of("audit failed at " + at + ": " + error),
                notified);
    }

    private static String line(io.cachewatch.audit.AuditError e) {
        return (e.region() == null ? "" : e.region() + " ") + (e.cluster() == null ? "" : e.cluster() + " ") + e.operation() + ": " + e.message();
    }
}
