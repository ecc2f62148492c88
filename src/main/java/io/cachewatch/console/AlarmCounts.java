package io.cachewatch.console;

import java.util.List;

/** A cluster's managed alarms by what the last reconcile did with them; {@code firing} are those in ALARM now. */
public record AlarmCounts(int managed, int inSync, int corrected, int drifted, int failed, int firing) {
    static AlarmCounts of(List<AlarmView> alarms) {
        int[] n = new int[AlarmView.Sync.values().length];
        alarms.forEach(a -> n[a.sync().ordinal()]++);
        return new AlarmCounts(alarms.size(), n[AlarmView.Sync.IN_SYNC.ordinal()], n[AlarmView.Sync.CORRECTED.ordinal()],
                n[AlarmView.Sync.DRIFTED.ordinal()], n[AlarmView.Sync.FAILED.ordinal()],
                (int) alarms.stream().filter(AlarmView::firing).count());
    }
}
