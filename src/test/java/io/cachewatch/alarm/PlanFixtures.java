package io.cachewatch.alarm;

import java.util.List;
import java.util.Map;

/** Small desired/actual alarms for planner tests. */
final class PlanFixtures {
    static final String REGION = "us-east-1";

    private PlanFixtures() {
    }

    static AlarmOwner owner(String cluster, String rule) {
        return new AlarmOwner(REGION, cluster, cluster + "-001/0001", rule, "default");
    }

    static AlarmSpec spec(AlarmOwner owner, double threshold) {
        return new AlarmSpec("AWS/ElastiCache", "EngineCPUUtilization",
                List.of(new Dimension("CacheNodeId", "0001"), new Dimension("CacheClusterId", owner.cluster() + "-001")),
                "Average", 60, 5, 5, Comparison.GREATER_THAN, threshold, TreatMissingData.missing,
                AlarmDescription.render(owner, null), true, List.of("arn:topic"), List.of("arn:topic"));
    }

    static DesiredAlarm desired(String cluster, String rule, double threshold) {
        AlarmOwner owner = owner(cluster, rule);
        return new DesiredAlarm(name(cluster, rule), spec(owner, threshold), owner, "critical", Map.of("managed-by", "cachewatch"));
    }

    static ActualAlarm actual(String cluster, String rule, double threshold) {
        AlarmOwner owner = owner(cluster, rule);
        return new ActualAlarm(name(cluster, rule), spec(owner, threshold), owner);
    }

    static String name(String cluster, String rule) {
        return "cachewatch-elasticache/" + cluster + "-001/0001/" + rule;
    }
}
