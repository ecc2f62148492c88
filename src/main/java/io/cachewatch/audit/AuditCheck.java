package io.cachewatch.audit;

import java.util.List;
import java.util.function.Function;

/**
 * One check of the catalog.
 *
 * @param seedLines      the best-practice lines it enforces, as the notes word them
 * @param appliesTo      which kinds and engines it judges (the others get not-applicable with a reason)
 * @param evidence       the evidence fields its results carry
 * @param remediation    how to fix a failure, saying when a setting is fixed at creation
 * @param securityHub    the equivalent AWS Security Hub control, or null
 * @param configRule     the equivalent AWS Config managed rule, or null
 */
public record AuditCheck(String id, String title, Area area, List<String> seedLines, String appliesTo, Severity severity,
                         List<String> evidence, String remediation, String securityHub, String configRule,
                         Function<CheckContext, Outcome> evaluate) {
    public AuditCheck {
        seedLines = List.copyOf(seedLines);
        evidence = List.copyOf(evidence);
    }
}
