package io.cachewatch.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The part of the best practices a check belongs to; text output has a pass/fail line per area. */
public enum Area {
    SECURITY, AVAILABILITY, BACKUP, MAINTENANCE, OPERATIONS, MONITORING, COST, PERFORMANCE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
