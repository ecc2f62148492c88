package io.cachewatch.alarm;

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
        dimensions = dimensions.stream().sorted().toList();
        alarmActions = alarmActions.stream().sorted().toList();
        okActions = okActions.stream().sorted().toList();
    }

    /** Extended statistics are percentiles and the like: {@code p99}, {@code tm90}, {@code wm99.9}… */
    public boolean extendedStatistic() {
        return !StandardStatistic.isStandard(statistic);
    }
}
