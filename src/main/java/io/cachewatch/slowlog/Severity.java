package io.cachewatch.slowlog;

import java.util.Locale;

/** Severity of a finding; the ids are those of {@code cachewatch.notify.topics.<severity>}. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Severity atLeast(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
