package io.cachewatch.aws.cloudwatch;

import io.cachewatch.aws.Pacer;
import io.cachewatch.slowlog.SlowlogMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * Sends custom metric points with PutMetricData: per region, at most {@value SlowlogMetrics#MAX_PER_CALL} per call,
 * paced at {@value #CALLS_PER_SECOND} calls/s per region (the PutMetricData quota is 500 TPS per account and region,
 * "CloudWatch service quotas"; the rest is left to other publishers in the account). Throttling is retried by the
 * SDK's retry strategy. A failed call is reported and the other calls still go out: metrics are best effort and a
 * missed point is a gap the alarm treats as not breaching.
 */
public final class CloudWatchMetricPublisher {
    static final double CALLS_PER_SECOND = 50;

    /** What one publish did. */
    public record Result(int points, int calls, List<String> errors) {
    }

    private final Function<String, CloudWatchClient> clients;
    private final Map<String, Pacer> pacers = new ConcurrentHashMap<>();

    public CloudWatchMetricPublisher(Function<String, CloudWatchClient> clients) {
        this.clients = clients;
    }

    public Result publish(List<SlowlogMetrics.Point> points) {
        int sent = 0;
        int calls = 0;
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, List<List<SlowlogMetrics.Point>>> region : SlowlogMetrics.calls(points).entrySet()) {
            Pacer pacer = pacers.computeIfAbsent(region.getKey(), r -> new Pacer("PutMetricData", r, CALLS_PER_SECOND));
            for (List<SlowlogMetrics.Point> batch : region.getValue()) {
                pacer.acquire();
                calls++;
                try {
                    clients.apply(region.getKey()).putMetricData(b -> b.namespace(SlowlogMetrics.NAMESPACE)
                            .metricData(batch.stream().map(CloudWatchMetricPublisher::datum).toList()));
                    sent += batch.size();
                } catch (SdkException e) {
                    errors.add("PutMetricData " + region.getKey() + " (" + batch.size() + " points): " + e.getMessage());
                }
            }
        }
        return new Result(sent, calls, errors);
    }

    static MetricDatum datum(SlowlogMetrics.Point p) {
        return MetricDatum.builder()
                .metricName(p.name())
                .unit(StandardUnit.fromValue(p.unit()))
                .value(p.value())
                .timestamp(p.timestamp())
                .dimensions(p.dimensions().entrySet().stream()
                        .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build()).toList())
                .build();
    }
}
