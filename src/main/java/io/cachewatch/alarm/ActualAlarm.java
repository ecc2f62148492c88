package io.cachewatch.alarm;

/**
 * A managed alarm as CloudWatch returned it.
 *
 * @param owner parsed from the description's trailer; null when the description was edited beyond recognition
 * @param state {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA} as DescribeAlarms returned it (no extra call);
 *              null when not known (an alarm read from elsewhere than DescribeAlarms)
 */
public record ActualAlarm(String name, AlarmSpec spec, AlarmOwner owner, String state) {
    /** An alarm whose state was not read. */
    public ActualAlarm(String name, AlarmSpec spec, AlarmOwner owner) {
        this(name, spec, owner, null);
    }
}
