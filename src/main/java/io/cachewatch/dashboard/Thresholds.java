package io.cachewatch.dashboard;

import java.util.Map;

/**
 * Horizontal annotations per metric, taken from the cluster's desired alarms (so tag overrides show too). Templates
 * read {@code thresholds.EngineCPUUtilization}; a metric without alarms gives an empty array.
 */
public record Thresholds(Map<String, String> byMetric) {
    public Thresholds {
        byMetric = Map.copyOf(byMetric);
    }

    public String of(String metric) {
        return byMetric.getOrDefault(metric, "[]");
    }
}
