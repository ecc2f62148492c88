package io.cachewatch.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed since the last notified audit: results that newly fail and results that were failing and now are not
 * (pass, waived, not-applicable). A result that is unknown or pending now changes nothing: it is neither resolved nor
 * newly failing, so it neither clears nor repeats a notice. Results of clusters this run did not audit keep their state.
 *
 * @param failing   result id → severity of every result known to fail after this run (the state to keep)
 * @param newlyFailing results to announce as failing
 * @param resolved  results to announce as resolved
 */
public record AuditChanges(Map<String, String> failing, List<AuditResult> newlyFailing, List<AuditResult> resolved) {
    public static AuditChanges between(Map<String, String> previouslyFailing, List<AuditResult> results) {
        Map<String, String> failing = new TreeMap<>(previouslyFailing);
        List<AuditResult> newly = new ArrayList<>();
        List<AuditResult> resolved = new ArrayList<>();
        for (AuditResult r : results) {
            boolean was = previouslyFailing.containsKey(r.id());
            switch (r.status()) {
                case FAIL -> {
                    if (!was) {
                        newly.add(r);
                    }
                    failing.put(r.id(), r.severity().id());
                }
                case PASS, WAIVED, NOT_APPLICABLE -> {
                    if (was) {
                        resolved.add(r);
                        failing.remove(r.id());
                    }
                }
                case UNKNOWN, PENDING -> {
                    // no verdict: keep whatever was known
                }
            }
        }
        return new AuditChanges(failing, newly, resolved);
    }
}
