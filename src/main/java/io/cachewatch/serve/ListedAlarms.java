package io.cachewatch.serve;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmStore;
import io.cachewatch.alarm.DesiredAlarm;
import java.util.List;

/** An alarm store that remembers its last listing (with each alarm's state), for the console: no extra AWS call. */
final class ListedAlarms implements AlarmStore {
    private final AlarmStore store;
    private volatile List<ActualAlarm> last = List.of();

    ListedAlarms(AlarmStore store) {
        this.store = store;
    }

    @Override
    public List<ActualAlarm> listManaged(String namePrefix) {
        List<ActualAlarm> listed = store.listManaged(namePrefix);
        last = List.copyOf(listed);
        return listed;
    }

    @Override
    public void put(DesiredAlarm alarm) {
        store.put(alarm);
    }

    @Override
    public void delete(List<String> names) {
        store.delete(names);
    }

    /** The store itself, for other readers: its pacing is shared, the console's listing is not changed by them. */
    AlarmStore unlisted() {
        return store;
    }

    List<ActualAlarm> last() {
        return last;
    }
}
