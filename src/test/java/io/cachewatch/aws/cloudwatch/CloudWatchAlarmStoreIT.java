package io.cachewatch.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmStoreException;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.aws.AwsRetry;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.CloudWatchTestbed;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;

/** The adapter against real moto through the CBOR bridge, with the real SDK client. */
class CloudWatchAlarmStoreIT {
    private static final int ATTEMPTS = 3;
    /** Fast enough that the tests never wait on the pacers; pacing itself is measured by PacingBench. */
    private static final CloudWatchPacers FAST = CloudWatchPacers.of("us-east-1", 500, 500, 500);

    @RegisterExtension
    static final CloudWatchTestbed TESTBED = CloudWatchTestbed.start();
    private static final CloudWatchBridge bridge = TESTBED.bridge();
    private static final CloudWatchClient client = TESTBED.client(AwsRetry.strategy(ATTEMPTS, Duration.ofMillis(10)));
    private static final CloudWatchAlarmStore store = new CloudWatchAlarmStore(client, FAST);

    private static void putAll(String prefix, int n) {
        IntStream.range(0, n).forEach(i -> store.put(TestAlarms.clusterAlarm(prefix + i)));
    }

    @Test
    void putThenListRoundTripsEveryField() {
        DesiredAlarm node = TestAlarms.nodeAlarm("cw-node-cpu");
        DesiredAlarm cluster = TestAlarms.clusterAlarm("cw-cluster-mem");
        store.put(node);
        store.put(cluster);

        List<ActualAlarm> listed = store.listManaged("cw-");

        // the state is CloudWatch's, not ours (moto starts new alarms in OK, CloudWatch in INSUFFICIENT_DATA): the next test
        assertThat(listed).usingRecursiveFieldByFieldElementComparatorIgnoringFields("state").containsExactlyInAnyOrder(
                new ActualAlarm(node.name(), node.spec(), node.owner()),
                new ActualAlarm(cluster.name(), cluster.spec(), cluster.owner()));
    }

    @Test
    void listingCarriesEachAlarmsStateWithoutAnotherCall() {
        store.put(TestAlarms.clusterAlarm("cw-state-firing"));
        store.put(TestAlarms.clusterAlarm("cw-state-ok"));
        client.setAlarmState(b -> b.alarmName("cw-state-firing").stateValue(software.amazon.awssdk.services.cloudwatch.model.StateValue.ALARM)
                .stateReason("forced by the test"));
        client.setAlarmState(b -> b.alarmName("cw-state-ok").stateValue(software.amazon.awssdk.services.cloudwatch.model.StateValue.OK)
                .stateReason("forced by the test"));

        assertThat(store.listManaged("cw-state-")).extracting(ActualAlarm::name, ActualAlarm::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("cw-state-firing", "ALARM"), org.assertj.core.groups.Tuple.tuple("cw-state-ok", "OK"));
    }

    @Test
    void putReplacesAnExistingAlarm() {
        DesiredAlarm first = TestAlarms.clusterAlarm("cw-replace");
        store.put(first);
        var changed = new io.cachewatch.alarm.AlarmSpec(first.spec().namespace(), first.spec().metricName(),
                first.spec().dimensions(), "Maximum", 60, 3, 2, first.spec().comparison(), 95,
                first.spec().treatMissingData(), first.spec().description(), true, List.of(TestAlarms.TOPIC), List.of());
        store.put(new DesiredAlarm(first.name(), changed, first.owner(), "critical", first.tags()));

        assertThat(store.listManaged("cw-replace")).singleElement().satisfies(a -> assertThat(a.spec()).isEqualTo(changed));
    }

    @Test
    void listsOnlyAlarmsUnderThePrefix() {
        store.put(TestAlarms.clusterAlarm("cachewatch-a"));
        store.put(TestAlarms.clusterAlarm("cachewatch-b"));
        store.put(TestAlarms.clusterAlarm("other-cachewatch-c"));
        store.put(TestAlarms.clusterAlarm("cachewatc"));

        assertThat(store.listManaged("cachewatch-")).extracting(ActualAlarm::name)
                .containsExactlyInAnyOrder("cachewatch-a", "cachewatch-b");
    }

    @Test
    void returnsMetricMathAlarmsUnderThePrefixAsUnsupported() {
        client.putMetricAlarm(b -> b.alarmName("cw-math").evaluationPeriods(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .metrics(m -> m.id("e1").expression("m1 * 2").returnData(true),
                        m -> m.id("m1").returnData(false).metricStat(s -> s.period(60).stat("Average")
                                .metric(x -> x.namespace("AWS/ElastiCache").metricName("Evictions")))));

        assertThat(store.listManaged("cw-")).singleElement()
                .satisfies(a -> assertThat(MetricAlarms.isUnsupported(a.spec())).isTrue());
    }

    @Test
    void deletes250AlarmsInThreeCalls() {
        putAll("cw-del-", 250);
        List<String> names = store.listManaged("cw-del-").stream().map(ActualAlarm::name).toList();
        assertThat(names).hasSize(250);
        bridge.calls().reset();

        store.delete(names);

        assertThat(bridge.calls().count("DeleteAlarms")).isEqualTo(3);
        assertThat(store.listManaged("cw-del-")).isEmpty();
    }

    @Test
    void deletingNothingMakesNoCall() {
        store.delete(List.of());

        assertThat(bridge.calls().total()).isZero();
    }

    @Test
    void followsNextTokenAcrossPages() {
        putAll("cw-page-", 23);
        bridge.pageDescribeAlarms(10);
        bridge.calls().reset();

        List<ActualAlarm> listed = new CloudWatchAlarmStore(client, 10, FAST).listManaged("cw-page-");

        assertThat(listed).hasSize(23).extracting(ActualAlarm::name).doesNotHaveDuplicates();
        assertThat(bridge.calls().operations()).containsExactly("DescribeAlarms", "DescribeAlarms", "DescribeAlarms");
    }

    @Test
    void retriesThrottledPutsWithTheSdkStrategy() {
        bridge.throttleNext("PutMetricAlarm", ATTEMPTS - 1);

        store.put(TestAlarms.nodeAlarm("cw-throttled"));

        assertThat(bridge.calls().count("PutMetricAlarm")).isEqualTo(ATTEMPTS);
        assertThat(store.listManaged("cw-throttled")).hasSize(1);
    }

    @Test
    void reportsThrottlingThatOutlastsTheRetries() {
        bridge.throttleNext("PutMetricAlarm", ATTEMPTS + 2);

        assertThatThrownBy(() -> store.put(TestAlarms.nodeAlarm("cw-throttled")))
                .isInstanceOfSatisfying(AlarmStoreException.class, e -> {
                    assertThat(e.operation()).isEqualTo("PutMetricAlarm");
                    assertThat(e.alarmName()).isEqualTo("cw-throttled");
                    assertThat(e.errorCode()).isEqualTo("Throttling");
                });
        assertThat(bridge.calls().count("PutMetricAlarm")).isEqualTo(ATTEMPTS);
    }

    @Test
    void reportsListingFailures() {
        bridge.throttleNext("DescribeAlarms", ATTEMPTS);

        assertThatThrownBy(() -> store.listManaged("cw-"))
                .isInstanceOfSatisfying(AlarmStoreException.class, e -> {
                    assertThat(e.operation()).isEqualTo("DescribeAlarms");
                    assertThat(e.alarmName()).isNull();
                    assertThat(e.errorCode()).isEqualTo("Throttling");
                });
    }

    @Test
    void pacedCallsAllSucceedAndAreCounted() {
        // Rates low enough that the pacers actually hold calls back; only outcomes are asserted, never timings.
        CloudWatchAlarmStore paced = new CloudWatchAlarmStore(client, 5, CloudWatchPacers.of("us-east-1", 20, 20, 20));
        List<String> names = IntStream.range(0, 12).mapToObj(i -> "cw-paced-" + i).toList();

        names.parallelStream().forEach(name -> paced.put(TestAlarms.clusterAlarm(name)));
        bridge.pageDescribeAlarms(5);
        List<ActualAlarm> listed = paced.listManaged("cw-paced-");
        paced.delete(names);

        assertThat(listed).hasSize(12);
        assertThat(bridge.calls().count("PutMetricAlarm")).isEqualTo(12);
        assertThat(bridge.calls().count("DescribeAlarms")).isEqualTo(3);
        assertThat(bridge.calls().count("DeleteAlarms")).isEqualTo(1);
        assertThat(store.listManaged("cw-paced-")).isEmpty();
    }
}
