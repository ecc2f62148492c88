package io.cachewatch.alarm;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a metric alarm that cachewatch owns and compares; two alarms with equal specs need no write.
 * Lists are kept sorted so that equality does not depend on the order CloudWatch returns them in.
 *
 * @param statistic a standard statistic ({@code Average}, {@code Sum}, …) or an extended one ({@code p99})
 */
public record AlarmSpec(
        String namespace,
        String metricName,
        List<Dimension> dimensions,
        String statistic,
        int period,
        int evaluationPeriods,
        int datapointsToAlarm,
        Comparison comparison,
        double threshold,
        TreatMissingData treatMissingData,
        String description,
        boolean actionsEnabled,
        List<String> alarmActions,
        List<String> okActions) {

    public AlarmSpec {
        dimensions = sorted(dimensions);
        alarmActions = sorted(alarmActions);
        okActions = sorted(okActions);
    }

    /**
     * An unmodifiable sorted copy. Without a stream: a plan makes one spec per alarm (tens of thousands), and a cold
     * JVM runs this interpreted, so the lists of one or two that are already in order are only copied.
     */
    private static <T extends Comparable<? super T>> List<T> sorted(List<T> items) {
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i - 1).compareTo(items.get(i)) > 0) {
                List<T> copy = new ArrayList<>(items);
                copy.sort(null);
                return List.copyOf(copy);
            }
        }
        return List.copyOf(items);
    }

    /** Extended statistics are percentiles and the like: {@code p99}, {@code tm90}, {@code wm99.9}… */
    public boolean extendedStatistic() {
        return !StandardStatistic.isStandard(statistic);
    }
}
