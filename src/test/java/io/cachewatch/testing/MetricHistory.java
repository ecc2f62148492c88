package io.cachewatch.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Seeds metric history into moto with PutMetricData through the CloudWatch bridge (which un-gzips the SDK's compressed
 * bodies): moto keeps datapoints with timestamps days back and answers GetMetricData over them. Points are laid out
 * from {@link #start()}, the lookback start of an audit run within the next hour: daily points two hours into each
 * day, hourly points half-way into each hour, so both stay inside their period if the audit's hour ticks over.
 */
public final class MetricHistory {
    /** PutMetricData takes at most 1,000 metrics per request (CloudWatch API Reference, PutMetricData). */
    private static final int PER_CALL = 1000;

    private final CloudWatchClient cloudWatch;
    private final String namespace;
    private final Instant start;
    private final int days;
    private final List<MetricDatum> pending = new ArrayList<>();
    private int calls;

    public MetricHistory(CloudWatchClient cloudWatch, String namespace, int days) {
        this.cloudWatch = cloudWatch;
        this.namespace = namespace;
        this.days = days;
        this.start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(days));
    }

    public Instant start() {
        return start;
    }

    /** One point a day for the last {@code lastDays} days; the function gets the day index (0 = the first of the lookback). */
    public MetricHistory daily(String metric, List<Dimension> dims, int lastDays, IntToDoubleFunction value) {
        for (int d = days - lastDays; d < days; d++) {
            add(metric, dims, start.plus(Duration.ofDays(d)).plus(Duration.ofHours(2)), value.applyAsDouble(d));
        }
        return this;
    }

    /** One point an hour over the whole lookback; the function gets the point's time and returns NaN to leave a gap. */
    public MetricHistory hourly(String metric, List<Dimension> dims, java.util.function.ToDoubleFunction<Instant> value) {
        for (int h = 0; h < days * 24; h++) {
            Instant at = start.plus(Duration.ofHours(h)).plus(Duration.ofMinutes(30));
            double v = value.applyAsDouble(at);
            if (!Double.isNaN(v)) {
                add(metric, dims, at, v);
            }
        }
        return this;
    }

    private void add(String metric, List<Dimension> dims, Instant at, double value) {
        pending.add(MetricDatum.builder().metricName(metric).dimensions(dims).timestamp(at).value(value).build());
        if (pending.size() == PER_CALL) {
            flush();
        }
    }

    /** Sends what is pending. */
    public void flush() {
        if (!pending.isEmpty()) {
            List<MetricDatum> batch = List.copyOf(pending);
            pending.clear();
            cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(batch));
            calls++;
        }
    }

    public int calls() {
        return calls;
    }

    public static List<Dimension> node(String cacheClusterId, String cacheNodeId) {
        return List.of(Dimension.builder().name("CacheClusterId").value(cacheClusterId).build(),
                Dimension.builder().name("CacheNodeId").value(cacheNodeId).build());
    }
}
