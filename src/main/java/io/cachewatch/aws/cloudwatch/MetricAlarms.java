package io.cachewatch.aws.cloudwatch;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmDescription;
import io.cachewatch.alarm.AlarmSpec;
import io.cachewatch.alarm.Comparison;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.alarm.Dimension;
import io.cachewatch.alarm.TreatMissingData;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * Translation between the alarm model and CloudWatch's metric alarms. Pure: no calls, so it is tested on its own.
 *
 * <p>Alarms cachewatch cannot express (metric math, anomaly bands, comparisons other than the four static ones, no
 * statistic) are still returned by the store so that a reconcile can replace or delete them. Their spec is marked
 * unsupported: {@code comparison} is null and {@code statistic} starts with {@link #UNSUPPORTED}. A desired spec
 * always has a comparison and a valid statistic, so an unsupported spec never equals one and is always rewritten.
 */
public final class MetricAlarms {
    /** Prefix of the statistic of a spec that stands for an alarm cachewatch cannot express. */
    public static final String UNSUPPORTED = "unsupported:";

    private MetricAlarms() {
    }

    public static boolean isUnsupported(AlarmSpec spec) {
        return spec.comparison() == null && spec.statistic() != null && spec.statistic().startsWith(UNSUPPORTED);
    }

    public static ActualAlarm toActual(MetricAlarm alarm) {
        String description = alarm.alarmDescription() == null ? "" : alarm.alarmDescription();
        return new ActualAlarm(alarm.alarmName(), spec(alarm, description), AlarmDescription.parse(description),
                alarm.stateValue() == null ? null : alarm.stateValueAsString());
    }

    private static AlarmSpec spec(MetricAlarm alarm, String description) {
        String statistic = alarm.extendedStatistic() != null ? alarm.extendedStatistic() : alarm.statisticAsString();
        Comparison comparison = Comparison.parse(String.valueOf(alarm.comparisonOperatorAsString()));
        String unsupported = unsupportedReason(alarm, statistic, comparison);
        int evaluationPeriods = orZero(alarm.evaluationPeriods());
        // CloudWatch treats an absent DatapointsToAlarm as "all evaluation periods" and an absent TreatMissingData
        // as "missing"; normalising here makes an alarm created without them equal to a spec that spells them out.
        int datapoints = alarm.datapointsToAlarm() == null ? evaluationPeriods : alarm.datapointsToAlarm();
        TreatMissingData missing = alarm.treatMissingData() == null
                ? TreatMissingData.missing
                : TreatMissingData.parse(alarm.treatMissingData());
        return new AlarmSpec(
                alarm.namespace(),
                alarm.metricName(),
                alarm.dimensions().stream().map(d -> new Dimension(d.name(), d.value())).toList(),
                unsupported == null ? statistic : UNSUPPORTED + unsupported,
                orZero(alarm.period()),
                evaluationPeriods,
                datapoints,
                unsupported == null ? comparison : null,
                alarm.threshold() == null ? Double.NaN : alarm.threshold(),
                missing,
                description,
                Boolean.TRUE.equals(alarm.actionsEnabled()),
                alarm.alarmActions(),
                alarm.okActions());
    }

    private static String unsupportedReason(MetricAlarm alarm, String statistic, Comparison comparison) {
        // The SDK returns an empty (not null) list when Metrics is absent, and moto sends "Metrics": [] for plain
        // alarms, so "has metrics" must mean "non-empty".
        if (!alarm.metrics().isEmpty()) {
            return "metric-math";
        }
        if (comparison == null) {
            return String.valueOf(alarm.comparisonOperatorAsString());
        }
        if (statistic == null) {
            return "no-statistic";
        }
        return null;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    public static PutMetricAlarmRequest toRequest(DesiredAlarm alarm) {
        AlarmSpec spec = alarm.spec();
        if (spec.comparison() == null) {
            throw new IllegalArgumentException("alarm " + alarm.name() + " has no comparison");
        }
        PutMetricAlarmRequest.Builder request = PutMetricAlarmRequest.builder()
                .alarmName(alarm.name())
                .namespace(spec.namespace())
                .metricName(spec.metricName())
                .dimensions(spec.dimensions().stream()
                        .map(d -> software.amazon.awssdk.services.cloudwatch.model.Dimension.builder()
                                .name(d.name()).value(d.value()).build())
                        .toList())
                .period(spec.period())
                .evaluationPeriods(spec.evaluationPeriods())
                .datapointsToAlarm(spec.datapointsToAlarm())
                .comparisonOperator(spec.comparison().cloudWatchName())
                .threshold(spec.threshold())
                .treatMissingData(spec.treatMissingData().name())
                .alarmDescription(spec.description())
                .actionsEnabled(spec.actionsEnabled())
                .alarmActions(spec.alarmActions())
                .okActions(spec.okActions())
                .tags(tags(alarm.tags()));
        // CloudWatch rejects a request that sets both, so exactly one of them is sent.
        if (spec.extendedStatistic()) {
            request.extendedStatistic(spec.statistic());
        } else {
            request.statistic(spec.statistic());
        }
        return request.build();
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }
}
