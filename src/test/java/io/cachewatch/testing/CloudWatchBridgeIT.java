package io.cachewatch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** The bridge itself, exercised with the real SDK client against a real moto. */
class CloudWatchBridgeIT {
    @RegisterExtension
    static final CloudWatchTestbed TESTBED = CloudWatchTestbed.start();
    private static final CloudWatchBridge bridge = TESTBED.bridge();
    // no retries: every request the client makes is one the test expects the recorder to see
    private static final CloudWatchClient client = TESTBED.client(AwsRetryStrategy.doNotRetry());

    private static void putAlarm(String name) {
        client.putMetricAlarm(b -> b.alarmName(name)
                .namespace("AWS/ElastiCache").metricName("CPUUtilization")
                .dimensions(d -> d.name("CacheClusterId").value("orders-001"))
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(5).threshold(80.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
    }

    @Test
    void putDescribeDeleteThroughTheRealClient() {
        Instant before = Instant.now().minusSeconds(5);
        putAlarm("cw-a");

        List<MetricAlarm> alarms = client.describeAlarms(b -> b.alarmNames("cw-a")).metricAlarms();
        assertThat(alarms).singleElement().satisfies(a -> {
            assertThat(a.alarmName()).isEqualTo("cw-a");
            assertThat(a.threshold()).isEqualTo(80.0);
            assertThat(a.dimensions()).singleElement().satisfies(d -> assertThat(d.value()).isEqualTo("orders-001"));
            // timestamps survive the JSON-number to CBOR tag-1 translation
            assertThat(a.alarmConfigurationUpdatedTimestamp()).isBetween(before, Instant.now().plusSeconds(5));
            assertThat(a.stateUpdatedTimestamp()).isNotNull();
        });

        client.deleteAlarms(b -> b.alarmNames("cw-a"));
        assertThat(client.describeAlarms(b -> b.alarmNames("cw-a")).metricAlarms()).isEmpty();
        assertThat(bridge.calls().operations())
                .containsExactly("PutMetricAlarm", "DescribeAlarms", "DeleteAlarms", "DescribeAlarms");
        assertThat(bridge.calls().count("DescribeAlarms")).isEqualTo(2);
    }

    @Test
    void errorsCarryTheSdkShapeAndTheQueryCode() {
        assertThatThrownBy(() -> client.getDashboard(b -> b.dashboardName("missing")))
                .isInstanceOfSatisfying(DashboardNotFoundErrorException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                });
    }

    @Test
    void injectedThrottlingNeverReachesMotoAndIsSeenAsThrottling() {
        bridge.throttleNext("PutMetricAlarm", 1);

        assertThatThrownBy(() -> putAlarm("cw-throttled"))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                });
        assertThat(client.describeAlarms(b -> b.alarmNames("cw-throttled")).metricAlarms()).isEmpty();

        putAlarm("cw-throttled"); // the throttle was used up
        assertThat(bridge.calls().count("PutMetricAlarm")).isEqualTo(2);
    }

    @Test
    void pagesDescribeAlarmsWhenAsked() {
        for (int i = 0; i < 7; i++) {
            putAlarm("cw-page-" + i);
        }
        bridge.pageDescribeAlarms(3);
        bridge.calls().reset();

        List<String> names = client.describeAlarmsPaginator(DescribeAlarmsRequest.builder().alarmNamePrefix("cw-page-").build())
                .metricAlarms().stream().map(MetricAlarm::alarmName).toList();

        assertThat(names).hasSize(7).doesNotHaveDuplicates();
        assertThat(bridge.calls().count("DescribeAlarms")).isEqualTo(3);
    }

    @Test
    void resetClearsRecorderThrottlesAndPaging() {
        bridge.throttleNext("DescribeAlarms", 5);
        bridge.pageDescribeAlarms(1);
        bridge.reset();

        assertThat(client.describeAlarms(b -> b.alarmNamePrefix("x")).nextToken()).isNull();
        assertThat(bridge.calls().total()).isEqualTo(1);
    }

    @Test
    void unknownPathsAre404() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(bridge.endpoint().resolve("/elsewhere"))
                        .timeout(Duration.ofSeconds(5)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(bridge.calls().total()).isZero();
    }
}
