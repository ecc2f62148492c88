package io.cachewatch.usage;

import io.cachewatch.alarm.Dimension;
import java.util.List;

/** One metric series to read: namespace, metric, dimensions exactly as CloudWatch publishes them, statistic and period. */
public record MetricQuery(String namespace, String metric, List<Dimension> dimensions, String statistic, int periodSeconds) {
    public MetricQuery {
        dimensions = List.copyOf(dimensions);
    }
}
