package io.cachewatch.aws.cloudwatch;

import io.cachewatch.aws.Pacer;

/**
 * One pacer per CloudWatch alarm API of a region. The default rates are CloudWatch's published quotas
 * (PutMetricAlarm 3 TPS, DescribeAlarms 9 TPS, DeleteAlarms 3 TPS; see aws-monitoring-facts.md).
 */
public record CloudWatchPacers(Pacer putMetricAlarm, Pacer describeAlarms, Pacer deleteAlarms) {
    public static final double PUT_METRIC_ALARM_TPS = 3;
    public static final double DESCRIBE_ALARMS_TPS = 9;
    public static final double DELETE_ALARMS_TPS = 3;

    public static CloudWatchPacers defaults(String region) {
        return of(region, PUT_METRIC_ALARM_TPS, DESCRIBE_ALARMS_TPS, DELETE_ALARMS_TPS);
    }

    /** Custom rates, e.g. when the account's quotas were raised or several runs share a region. */
    public static CloudWatchPacers of(String region, double putTps, double describeTps, double deleteTps) {
        return new CloudWatchPacers(
                new Pacer("PutMetricAlarm", region, putTps),
                new Pacer("DescribeAlarms", region, describeTps),
                new Pacer("DeleteAlarms", region, deleteTps));
    }
}
