package io.cachewatch.plan;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmOwner;
import io.cachewatch.alarm.DesiredAlarm;
import java.util.List;

/**
 * One planned alarm change.
 *
 * @param desired null for deletes
 * @param actual  null for creates
 * @param diff    field differences of an update
 */
public record AlarmChange(Action action, String region, DesiredAlarm desired, ActualAlarm actual, List<FieldDiff> diff) {
    public AlarmChange {
        diff = List.copyOf(diff);
    }

    public String name() {
        return desired != null ? desired.name() : actual.name();
    }

    /** The owner: from the desired alarm, or from the trailer of the alarm being deleted (may be null). */
    public AlarmOwner owner() {
        return desired != null ? desired.owner() : actual.owner();
    }
}
