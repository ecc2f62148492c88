package io.cachewatch.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.alarm.AlarmStoreException;
import io.cachewatch.aws.AwsRetry;
import io.cachewatch.aws.Pacer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Configuration of pacers and retry strategies; their behaviour on the wire is covered by CloudWatchAlarmStoreIT. */
class PacingAndRetryTest {

    @Test
    void defaultPacersFollowCloudWatchQuotas() {
        CloudWatchPacers pacers = CloudWatchPacers.defaults("eu-west-1");

        assertThat(pacers.putMetricAlarm().permitsPerSecond()).isEqualTo(3.0);
        assertThat(pacers.describeAlarms().permitsPerSecond()).isEqualTo(9.0);
        assertThat(pacers.deleteAlarms().permitsPerSecond()).isEqualTo(3.0);
        assertThat(pacers.deleteAlarms().api()).isEqualTo("DeleteAlarms");
        assertThat(pacers.deleteAlarms().region()).isEqualTo("eu-west-1");
    }

    @Test
    void pacerRejectsNonPositiveRates() {
        assertThatThrownBy(() -> new Pacer("PutMetricAlarm", "us-east-1", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacer("PutMetricAlarm", "us-east-1", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryStrategyHasTheRequestedAttempts() {
        assertThat(AwsRetry.strategy(4).maxAttempts()).isEqualTo(4);
        assertThat(AwsRetry.strategy(2, Duration.ofMillis(5)).maxAttempts()).isEqualTo(2);
        assertThatThrownBy(() -> AwsRetry.strategy(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storeExceptionNamesOperationAlarmAndCode() {
        AlarmStoreException e = new AlarmStoreException("PutMetricAlarm", "a1", "Throttling", "Rate exceeded", null);

        assertThat(e).hasMessage("PutMetricAlarm a1 failed [Throttling]: Rate exceeded");
        assertThat(e.detail()).isEqualTo("Rate exceeded");
    }
}
