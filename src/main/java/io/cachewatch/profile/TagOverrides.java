package io.cachewatch.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-cluster rule overrides read from tags: {@code cachewatch:<rule>.threshold=<number>} replaces a rule's threshold
 * and {@code cachewatch:<rule>=off} disables it. A tag that names no rule of the cluster's profile, or carries a value
 * that is not understood, is a problem: the cluster is then left as it is rather than half-configured.
 */
public record TagOverrides(Map<String, Double> thresholds, Set<String> disabled, List<String> problems) {
    static final String PREFIX = "cachewatch:";
    /** cachewatch tags that are not rule overrides (profile choice, opt-out, other features). */
    static final Set<String> RESERVED = Set.of("profile", "ignore", "dashboard", "slowlog-secret");
    /** Audit waivers ({@code cachewatch:waive:<check>=<reason>}) are read by the audit, not by alarm rules. */
    static final String WAIVER = "waive:";

    /** The tag that overrides a rule's threshold. */
    public static String thresholdTag(String rule) {
        return PREFIX + rule + ".threshold";
    }

    public static TagOverrides read(Map<String, String> tags, Set<String> ruleIds) {
        Map<String, Double> thresholds = new HashMap<>();
        Set<String> disabled = new HashSet<>();
        List<String> problems = new ArrayList<>();
        tags.forEach((key, rawValue) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            String name = key.substring(PREFIX.length());
            if (RESERVED.contains(name) || name.startsWith(WAIVER)) {
                return;
            }
            String value = rawValue.trim();
            if (name.endsWith(".threshold")) {
                String rule = name.substring(0, name.length() - ".threshold".length());
                if (!ruleIds.contains(rule)) {
                    problems.add("tag " + key + " names rule '" + rule + "', which the profile does not have");
                    return;
                }
                try {
                    double threshold = Double.parseDouble(value);
                    if (!Double.isFinite(threshold)) {
                        throw new NumberFormatException();
                    }
                    thresholds.put(rule, threshold);
                } catch (NumberFormatException e) {
                    problems.add("tag " + key + "=" + rawValue + ": the threshold must be a number");
                }
            } else if (ruleIds.contains(name)) {
                if (value.equalsIgnoreCase("off")) {
                    disabled.add(name);
                } else {
                    problems.add("tag " + key + "=" + rawValue + ": the only value understood is 'off'");
                }
            } else {
                problems.add("tag " + key + " is not a cachewatch setting and names no rule of the profile");
            }
        });
        return new TagOverrides(Map.copyOf(thresholds), Set.copyOf(disabled), List.copyOf(problems));
    }
}
