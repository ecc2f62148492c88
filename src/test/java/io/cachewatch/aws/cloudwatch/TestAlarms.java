package io.cachewatch.aws.cloudwatch;

import io.cachewatch.alarm.AlarmDescription;
import io.cachewatch.alarm.AlarmOwner;
import io.cachewatch.alarm.AlarmSpec;
import io.cachewatch.alarm.Comparison;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.alarm.Dimension;
import io.cachewatch.alarm.TreatMissingData;
import java.util.List;
import java.util.Map;

/** Desired alarms as a profile would produce them, for the adapter's tests. */
final class TestAlarms {
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:cache-alerts";

    private TestAlarms() {
    }

    /** A node-level p99 alarm that sets every field away from CloudWatch's defaults. */
    static DesiredAlarm nodeAlarm(String name) {
        AlarmOwner owner = new AlarmOwner("us-east-1", "orders", "orders-0001-001", "engine-cpu", "default");
        AlarmSpec spec = new AlarmSpec("AWS/ElastiCache", "EngineCPUUtilization",
                List.of(new Dimension("CacheNodeId", "0001"), new Dimension("CacheClusterId", "orders-0001-001")),
                "p99", 60, 5, 3, Comparison.GREATER_THAN_OR_EQUAL, 90.5, TreatMissingData.notBreaching,
                AlarmDescription.render(owner, "Engine thread saturated"), true,
                List.of(TOPIC, TOPIC + "-pager"), List.of(TOPIC));
        return new DesiredAlarm(name, spec, owner, "critical", Map.of("cachewatch", "managed", "severity", "critical"));
    }

    /** A cluster-level alarm with a standard statistic and CloudWatch's defaults for missing data. */
    static DesiredAlarm clusterAlarm(String name) {
        AlarmOwner owner = new AlarmOwner("us-east-1", "sessions", null, "memory", "default");
        AlarmSpec spec = new AlarmSpec("AWS/MemoryDB", "DatabaseMemoryUsagePercentage",
                List.of(new Dimension("ClusterName", "sessions")),
                "Average", 300, 2, 2, Comparison.GREATER_THAN, 80, TreatMissingData.missing,
                AlarmDescription.render(owner, null), false, List.of(), List.of());
        return new DesiredAlarm(name, spec, owner, "warning", Map.of());
    }
}
