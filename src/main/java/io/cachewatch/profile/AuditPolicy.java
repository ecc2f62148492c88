package io.cachewatch.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code audit:} section of a profile with its {@code extends} chain resolved: which checks are off, severity
 * overrides and check parameters. Check ids and severities are kept with where they were written, so the audit
 * catalog (which knows the ids) can report unknown ones at file and line.
 *
 * @param disabled            checks turned off: the profile's own and every inherited {@code disable}
 * @param severities          check id → severity, the profile's own over inherited ones
 * @param backupRetentionDays minimum automatic backup retention; null = the check's default
 * @param requiredTags        tag keys every cluster must carry; null = the check's default
 * @param thresholds          the usage checks' thresholds ({@code audit.thresholds}), by name; a missing one has the
 *                            check's default
 */
public record AuditPolicy(List<Setting> disabled, Map<String, Setting> severities, Integer backupRetentionDays,
                          List<String> requiredTags, Map<String, Double> thresholds) {
    /** No audit section anywhere in the chain: every check on, at its default severity and parameters. */
    public static final AuditPolicy DEFAULTS = new AuditPolicy(List.of(), Map.of(), null, null, Map.of());

    public AuditPolicy {
        disabled = List.copyOf(disabled);
        severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
        requiredTags = requiredTags == null ? null : List.copyOf(requiredTags);
        thresholds = thresholds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    public AuditPolicy(List<Setting> disabled, Map<String, Setting> severities, Integer backupRetentionDays, List<String> requiredTags) {
        this(disabled, severities, backupRetentionDays, requiredTags, Map.of());
    }

    /** A usage threshold: the profile's value, else {@code fallback} (the check's default). */
    public double threshold(String name, double fallback) {
        Double value = thresholds.get(name);
        return value == null ? fallback : value;
    }

    public boolean isDisabled(String check) {
        return disabled.stream().anyMatch(s -> s.check().equals(check));
    }

    /** The check ids this policy names (disable entries and severity keys), with where each was written. */
    public List<Setting> named() {
        List<Setting> all = new ArrayList<>(disabled);
        all.addAll(severities.values());
        return all;
    }

    /**
     * One entry naming a check.
     *
     * @param value the severity for severity entries; null for disable entries
     */
    public record Setting(String check, String value, SourceLocation location, String path) {
        public ProfileProblem problem(String message) {
            return new ProfileProblem(location.file(), location.line(), path, message);
        }
    }
}
