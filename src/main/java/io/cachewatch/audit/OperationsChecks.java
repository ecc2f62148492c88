package io.cachewatch.audit;

import static io.cachewatch.audit.Evidence.of;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.posture.MemberPosture;
import io.cachewatch.posture.Posture;
import java.util.List;
import java.util.Map;

/** Checks of areas operations and monitoring. */
final class OperationsChecks {
    private OperationsChecks() {
    }

    static final AuditCheck REQUIRED_TAGS = new AuditCheck("required-tags", "The cluster carries the required tags",
            Area.OPERATIONS, List.of("EC §8 Use tagging (Environment, App, Owner) for cost tracking and automation",
                    "MDB §7 Tag clusters (Environment, Owner, Application) for cost allocation"),
            "every cluster", Severity.LOW, List.of("required", "missing"),
            "Add the missing tags (aws elasticache add-tags-to-resource, aws memorydb tag-resource); the keys come from the"
                    + " profile's audit.required-tags.",
            null, null, OperationsChecks::requiredTags);

    static Outcome requiredTags(CheckContext ctx) {
        Cluster c = ctx.cluster();
        List<String> missing = ctx.requiredTags().stream()
                .filter(key -> c.tags().get(key) == null || c.tags().get(key).isBlank()).toList();
        Map<String, Object> evidence = of("required", ctx.requiredTags(), "missing", missing);
        return missing.isEmpty() ? Outcome.pass("every required tag is set", evidence)
                : Outcome.fail("missing tags: " + String.join(", ", missing), evidence);
    }

    static final AuditCheck EVENT_NOTIFICATIONS = new AuditCheck("event-notifications", "Cluster events go to an active SNS topic",
            Area.MONITORING, List.of("EC §5 Continuous monitoring prevents silent cache failures",
                    "MDB §5 Integrate with CloudTrail to monitor admin and config changes"),
            "ElastiCache node-based, MemoryDB; serverless not applicable (no topic setting)",
            Severity.LOW, List.of("topicArn", "topicStatus"),
            "In place: aws elasticache modify-replication-group --notification-topic-arn … (--notification-topic-status active);"
                    + " aws memorydb update-cluster --sns-topic-arn … --sns-topic-status active.",
            null, null, OperationsChecks::eventNotifications);

    static Outcome eventNotifications(CheckContext ctx) {
        Cluster c = ctx.cluster();
        Posture p = ctx.posture();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.notApplicable("serverless caches have no notification topic setting");
        }
        Shapes.Members<String> topics = Shapes.members(c, MemberPosture::notificationTopicArn);
        Shapes.Members<String> statuses = Shapes.members(c, MemberPosture::notificationTopicStatus);
        Map<String, Object> evidence = of("topicArn", topics.evidence(), "topicStatus", statuses.evidence());
        List<String> inactive = statuses.where(s -> !s.equals("active"));
        if (!inactive.isEmpty()) {
            return Outcome.fail("the notification topic is not active on " + String.join(", ", inactive), evidence);
        }
        if (topics.anyUnknown()) {
            // AWS leaves NotificationConfiguration / SnsTopicArn out when no topic is set, and moto leaves it out even
            // when one is: an absent topic cannot be told from an unreturned one.
            return Outcome.unknown(p.unknown().getOrDefault("notificationTopic",
                    "no notification topic was returned (AWS omits the field when none is set; it cannot be told from one not returned)"),
                    evidence);
        }
        return Outcome.pass("events go to " + topics.evidence(), evidence);
    }

    static final AuditCheck ALARMS_IN_PLACE = new AuditCheck("alarms-in-place", "Every alarm cachewatch manages for the cluster exists and matches",
            Area.MONITORING, List.of("EC §5 Set CloudWatch alarms for high CPU (>80%), memory saturation, or replication lag",
                    "MDB §5 Set CloudWatch alarms for memory saturation (>80%), replication lag, and connection spikes"),
            "every cluster cachewatch manages (not opted out with cachewatch:ignore=true)",
            Severity.MEDIUM, List.of("expected", "missing", "drifted"),
            "Run cachewatch reconcile (or let cachewatch serve do it): it creates the missing alarms and corrects drifted ones.",
            null, null, OperationsChecks::alarmsInPlace);

    static Outcome alarmsInPlace(CheckContext ctx) {
        if (ctx.ignored()) {
            return Outcome.notApplicable("the cluster opted out of cachewatch alarms (cachewatch:ignore=true)");
        }
        AlarmCoverage coverage = ctx.alarms();
        if (coverage == null) {
            return Outcome.unknown(ctx.alarmsUnknown() == null ? "the alarms were not read" : ctx.alarmsUnknown(), of());
        }
        if (coverage.problem() != null) {
            return Outcome.unknown("the alarms the cluster should have cannot be known: " + coverage.problem(), of());
        }
        Map<String, Object> evidence = of("expected", coverage.expected(), "missing", coverage.missing(), "drifted", coverage.drifted());
        if (!coverage.missing().isEmpty() || !coverage.drifted().isEmpty()) {
            return Outcome.fail(coverage.missing().size() + " missing, " + coverage.drifted().size() + " drifted of "
                    + coverage.expected() + " alarms", evidence);
        }
        return Outcome.pass("all " + coverage.expected() + " alarms exist and match", evidence);
    }
}
