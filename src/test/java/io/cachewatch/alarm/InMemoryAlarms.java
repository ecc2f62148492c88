package io.cachewatch.alarm;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A region's alarms in memory: what was put is listed back as CloudWatch would (owner parsed from the description). */
public final class InMemoryAlarms implements AlarmStore {
    public final Map<String, ActualAlarm> alarms = new TreeMap<>();

    @Override
    public synchronized List<ActualAlarm> listManaged(String namePrefix) {
        return alarms.values().stream().filter(a -> a.name().startsWith(namePrefix)).toList();
    }

    @Override
    public synchronized void put(DesiredAlarm alarm) {
        alarms.put(alarm.name(), new ActualAlarm(alarm.name(), alarm.spec(), AlarmDescription.parse(alarm.spec().description())));
    }

    @Override
    public synchronized void delete(List<String> names) {
        names.forEach(alarms::remove);
    }
}
