package io.cachewatch.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule as written in one file, or merged with overrides from descendant profiles. Fields stay
 * uninterpreted until the profile is resolved, so an override of {@code evaluation-periods} also moves the
 * defaulted {@code datapoints-to-alarm}.
 *
 * @param path        field path of the rule where it was first written ({@code rules[2]})
 * @param location    where the rule was first written
 * @param lastWritten where the rule or its last override was written
 * @param fields      YAML key to field, without {@code id}
 */
record RuleEntry(String id, String path, SourceLocation location, SourceLocation lastWritten, Map<String, RuleField> fields) {
    RuleEntry {
        fields = Map.copyOf(fields);
    }

    /** This rule with the fields of {@code override} written over its own. */
    RuleEntry overriddenBy(RuleEntry override) {
        Map<String, RuleField> merged = new LinkedHashMap<>(fields);
        merged.putAll(override.fields());
        return new RuleEntry(id, path, location, override.location(), merged);
    }

    RuleField field(String key) {
        return fields.get(key);
    }
}
