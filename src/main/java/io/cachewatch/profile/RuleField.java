package io.cachewatch.profile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a rule as written: its YAML value, where it was written and its field path there.
 *
 * @param valid false when the schema already reported the value; later checks then skip it silently
 */
record RuleField(JsonNode value, SourceLocation location, String path, boolean valid) {
    /** A problem with this field, located where it was written. */
    ProfileProblem problem(String message) {
        return new ProfileProblem(location.file(), location.line(), path, message);
    }
}
