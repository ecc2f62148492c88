package io.cachewatch.alarm;

import java.util.List;
import java.util.function.Function;

/** CloudWatch's alarms in memory, for planning only: what DescribeAlarms would list; writes are refused. */
public final class ListedAlarms implements AlarmStore {
    private final List<ActualAlarm> existing;

    private ListedAlarms(List<ActualAlarm> existing) {
        this.existing = List.copyOf(existing);
    }

    /** The same store for every region. */
    public static Function<String, AlarmStore> of(List<ActualAlarm> existing) {
        AlarmStore store = new ListedAlarms(existing);
        return region -> store;
    }

    @Override
    public List<ActualAlarm> listManaged(String namePrefix) {
        return existing;
    }

    @Override
    public void put(DesiredAlarm alarm) {
        throw new UnsupportedOperationException("planning only");
    }

    @Override
    public void delete(List<String> names) {
        throw new UnsupportedOperationException("planning only");
    }
}
