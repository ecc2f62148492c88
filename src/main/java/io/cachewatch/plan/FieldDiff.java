package io.cachewatch.plan;

/** One field that differs: {@code threshold 80 → 95}. */
public record FieldDiff(String field, Object from, Object to) {
}
