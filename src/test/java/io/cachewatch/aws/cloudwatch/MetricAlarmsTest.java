package io.cachewatch.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmSpec;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.alarm.TreatMissingData;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** Translation only; shapes built as the CloudWatch API reference documents them. */
class MetricAlarmsTest {

    /** What DescribeAlarms returns for an alarm written from {@code desired}. */
    private static MetricAlarm described(DesiredAlarm desired) {
        PutMetricAlarmRequest r = MetricAlarms.toRequest(desired);
        return MetricAlarm.builder().alarmName(r.alarmName()).namespace(r.namespace()).metricName(r.metricName())
                .dimensions(r.dimensions()).statistic(r.statisticAsString()).extendedStatistic(r.extendedStatistic())
                .period(r.period()).evaluationPeriods(r.evaluationPeriods()).datapointsToAlarm(r.datapointsToAlarm())
                .comparisonOperator(r.comparisonOperatorAsString()).threshold(r.threshold())
                .treatMissingData(r.treatMissingData()).alarmDescription(r.alarmDescription())
                .actionsEnabled(r.actionsEnabled()).alarmActions(r.alarmActions()).okActions(r.okActions()).build();
    }

    @Test
    void requestCarriesEveryFieldAndSendsPercentilesAsExtendedStatistic() {
        PutMetricAlarmRequest r = MetricAlarms.toRequest(TestAlarms.nodeAlarm("n"));

        assertThat(r.extendedStatistic()).isEqualTo("p99");
        assertThat(r.statistic()).isNull();
        assertThat(r.comparisonOperatorAsString()).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(r.treatMissingData()).isEqualTo("notBreaching");
        assertThat(r.datapointsToAlarm()).isEqualTo(3);
        assertThat(r.tags()).extracting(Tag::key).containsExactly("cachewatch", "severity");
    }

    @Test
    void standardStatisticGoesToStatistic() {
        PutMetricAlarmRequest r = MetricAlarms.toRequest(TestAlarms.clusterAlarm("c"));

        assertThat(r.statisticAsString()).isEqualTo("Average");
        assertThat(r.extendedStatistic()).isNull();
        assertThat(r.tags()).isEmpty();
    }

    @Test
    void describedAlarmTranslatesBackToTheSameSpecAndOwner() {
        for (DesiredAlarm desired : new DesiredAlarm[] {TestAlarms.nodeAlarm("n"), TestAlarms.clusterAlarm("c")}) {
            ActualAlarm actual = MetricAlarms.toActual(described(desired));

            assertThat(actual.spec()).isEqualTo(desired.spec());
            assertThat(actual.owner()).isEqualTo(desired.owner());
            assertThat(MetricAlarms.isUnsupported(actual.spec())).isFalse();
        }
    }

    @Test
    void absentDatapointsAndMissingDataTakeCloudWatchsDefaults() {
        MetricAlarm alarm = described(TestAlarms.clusterAlarm("c")).toBuilder()
                .datapointsToAlarm(null).treatMissingData(null).alarmDescription(null).build();

        AlarmSpec spec = MetricAlarms.toActual(alarm).spec();

        assertThat(spec.datapointsToAlarm()).isEqualTo(spec.evaluationPeriods());
        assertThat(spec.treatMissingData()).isEqualTo(TreatMissingData.missing);
        assertThat(spec.description()).isEmpty();
        assertThat(MetricAlarms.toActual(alarm).owner()).isNull();
    }

    @Test
    void metricMathAlarmIsReturnedAsUnsupported() {
        MetricAlarm alarm = MetricAlarm.builder().alarmName("math").evaluationPeriods(1).threshold(1.0)
                .comparisonOperator("GreaterThanThreshold")
                .metrics(MetricDataQuery.builder().id("e1").expression("m1 / m2").build()).build();

        AlarmSpec spec = MetricAlarms.toActual(alarm).spec();

        assertThat(MetricAlarms.isUnsupported(spec)).isTrue();
        assertThat(spec.statistic()).isEqualTo("unsupported:metric-math");
        assertThat(spec.comparison()).isNull();
    }

    @Test
    void anomalyBandComparisonIsReturnedAsUnsupported() {
        MetricAlarm alarm = described(TestAlarms.clusterAlarm("c")).toBuilder()
                .comparisonOperator("LessThanLowerOrGreaterThanUpperThreshold").threshold(null).build();

        AlarmSpec spec = MetricAlarms.toActual(alarm).spec();

        assertThat(MetricAlarms.isUnsupported(spec)).isTrue();
        assertThat(spec).isNotEqualTo(TestAlarms.clusterAlarm("c").spec());
        assertThat(spec.threshold()).isNaN();
    }

    @Test
    void unsupportedSpecCannotBeWritten() {
        AlarmSpec unsupported = MetricAlarms.toActual(MetricAlarm.builder().alarmName("x")
                .metrics(MetricDataQuery.builder().id("e1").build()).build()).spec();
        DesiredAlarm desired = new DesiredAlarm("x", unsupported, null, "warning", java.util.Map.of());

        assertThatThrownBy(() -> MetricAlarms.toRequest(desired)).isInstanceOf(IllegalArgumentException.class);
    }
}
