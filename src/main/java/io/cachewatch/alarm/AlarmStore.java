package io.cachewatch.alarm;

import java.util.List;

/** Port to the alarms of one region (CloudWatch). Adapters pace their calls and retry throttling themselves. */
public interface AlarmStore {
    /** Every metric alarm whose name starts with the prefix, all pages read. */
    List<ActualAlarm> listManaged(String namePrefix);

    /** Creates or replaces one alarm (tags are applied when it is created). */
    void put(DesiredAlarm alarm);

    /** Deletes alarms by name, in as few calls as the API allows. */
    void delete(List<String> names);
}
