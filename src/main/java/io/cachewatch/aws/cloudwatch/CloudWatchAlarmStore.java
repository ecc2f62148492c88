package io.cachewatch.aws.cloudwatch;

import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmStore;
import io.cachewatch.alarm.AlarmStoreException;
import io.cachewatch.alarm.DesiredAlarm;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;

/**
 * {@link AlarmStore} on CloudWatch metric alarms of one region. Each call first takes a permit from its API's
 * {@link io.cachewatch.aws.Pacer}; throttling that still happens is retried by the client's retry strategy
 * ({@link io.cachewatch.aws.AwsRetry}); what fails after that becomes an {@link AlarmStoreException}.
 */
public final class CloudWatchAlarmStore implements AlarmStore {
    /** DescribeAlarms' MaxRecords is 1–100. */
    public static final int MAX_PAGE_SIZE = 100;
    /** DeleteAlarms accepts at most 100 names per call. */
    public static final int DELETE_BATCH = 100;

    private final CloudWatchClient client;
    private final int pageSize;
    private final CloudWatchPacers pacers;

    public CloudWatchAlarmStore(CloudWatchClient client, int pageSize, CloudWatchPacers pacers) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1–" + MAX_PAGE_SIZE + ": " + pageSize);
        }
        this.client = client;
        this.pageSize = pageSize;
        this.pacers = pacers;
    }

    public CloudWatchAlarmStore(CloudWatchClient client, CloudWatchPacers pacers) {
        this(client, MAX_PAGE_SIZE, pacers);
    }

    @Override
    public List<ActualAlarm> listManaged(String namePrefix) {
        DescribeAlarmsRequest first = DescribeAlarmsRequest.builder()
                .alarmNamePrefix(namePrefix)
                .alarmTypes(AlarmType.METRIC_ALARM)
                .maxRecords(pageSize)
                .build();
        // The prefix is re-checked because not every CloudWatch implementation applies both filters.
        return List.copyOf(Pages.all("DescribeAlarms", () -> pacers.describeAlarms().acquire(),
                token -> client.describeAlarms(first.toBuilder().nextToken(token).build()),
                page -> page.metricAlarms().stream().filter(a -> a.alarmName().startsWith(namePrefix)).map(MetricAlarms::toActual).toList(),
                DescribeAlarmsResponse::nextToken));
    }

    @Override
    public void put(DesiredAlarm alarm) {
        var request = MetricAlarms.toRequest(alarm);
        pacers.putMetricAlarm().acquire();
        call("PutMetricAlarm", alarm.name(), () -> client.putMetricAlarm(request));
    }

    @Override
    public void delete(List<String> names) {
        for (List<String> batch : Batches.of(names, DELETE_BATCH)) {
            pacers.deleteAlarms().acquire();
            call("DeleteAlarms", batch.get(0), () -> client.deleteAlarms(b -> b.alarmNames(batch)));
        }
    }

    /** Runs one SDK call; a failure after the client's retries becomes an {@link AlarmStoreException} naming the resource. */
    static <T> T call(String operation, String alarmName, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new AlarmStoreException(operation, alarmName, code, message, e);
        } catch (SdkException e) {
            throw new AlarmStoreException(operation, alarmName, null, e.getMessage(), e);
        }
    }
}
