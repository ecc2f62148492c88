package io.cachewatch.dashboard;

/**
 * CloudWatch's dashboard quotas (aws-monitoring-facts.md): ≤ 500 widgets and ≤ 2,500 metrics per dashboard, ≤ 500
 * metrics per graph widget. An alarm-status widget lists at most 100 alarms, so long alarm lists are cut into groups.
 */
public record DashboardLimits(int widgets, int metrics, int metricsPerWidget, int alarmsPerWidget) {
    public static final DashboardLimits CLOUDWATCH = new DashboardLimits(500, 2_500, 500, 100);

    /**
     * How far over the limits a body is: ≤ 1 fits; 2.3 means it needs at least 2.3 times fewer metrics or widgets.
     */
    public double load(DashboardJson.Counts counts) {
        return Math.max(Math.max((double) counts.widgets() / widgets, (double) counts.metrics() / metrics),
                (double) counts.maxMetricsPerWidget() / metricsPerWidget);
    }
}
