package io.cachewatch.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a failing check matters; ordered from most to least severe. Names match ASFF's severity labels. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is {@code threshold} or more severe. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity fromId(String id) {
        for (Severity s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "' (expected critical, high, medium or low)");
    }
}
