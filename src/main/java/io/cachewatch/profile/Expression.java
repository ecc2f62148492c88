package io.cachewatch.profile;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A parsed threshold or condition over named facts of a resource ({@code 90 / vcpus}, {@code vcpus <= 2}).
 * Comparisons evaluate to 1 (true) or 0 (false).
 */
public interface Expression {
    /** The source text, as written in the profile. */
    String text();

    /** The fact names the expression reads. */
    Set<String> facts();

    /** The value, or empty when a fact it reads is absent from {@code facts}. */
    OptionalDouble evaluate(Map<String, Double> facts);

    /** True when the expression reads no facts (a plain number or constant arithmetic). */
    default boolean constant() {
        return facts().isEmpty();
    }
}
