package io.cachewatch.alarm;

/**
 * A managed alarm as CloudWatch returned it.
 *
 * @param owner parsed from the description's trailer; null when the description was edited beyond recognition
 */
public record ActualAlarm(String name, AlarmSpec spec, AlarmOwner owner) {
}
