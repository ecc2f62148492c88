package io.cachewatch.serve;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Counts AWS requests (every attempt, as quotas count them) and throttled answers by target, service and operation:
 * {@code cachewatch_aws_calls_total}, {@code cachewatch_aws_throttles_total}. A throttled answer is HTTP 429, or an
 * error whose type header names throttling ({@code x-amzn-query-error: Throttling;Sender} from CloudWatch,
 * {@code x-amzn-ErrorType: ThrottlingException} from JSON services).
 */
public final class MeteredAwsCalls implements ExecutionInterceptor {
    /** What every target calls ("Service.Operation" as the SDK names them): discovery, alarms, dashboards. */
    static final List<String> RECONCILE_OPERATIONS = List.of("ElastiCache.DescribeCacheClusters",
            "ElastiCache.DescribeReplicationGroups", "ElastiCache.DescribeServerlessCaches", "ElastiCache.ListTagsForResource",
            "MemoryDb.DescribeClusters", "MemoryDb.ListTags", "ResourceGroupsTaggingApi.GetResources",
            "CloudWatch.DescribeAlarms", "CloudWatch.PutMetricAlarm",
            "CloudWatch.DeleteAlarms", "CloudWatch.ListDashboards", "CloudWatch.GetDashboard", "CloudWatch.PutDashboard",
            "CloudWatch.DeleteDashboards");
    /** What the slow-log reads call: findings, metrics, Redis credentials. */
    static final List<String> SLOWLOG_OPERATIONS = List.of("Sns.PublishBatch", "CloudWatch.PutMetricData", "SecretsManager.GetSecretValue");
    /** What the audit calls beyond discovery and the alarm listing: posture reads, the usage metrics, its notifications. */
    static final List<String> AUDIT_OPERATIONS = List.of("Ec2.DescribeSecurityGroups", "ElastiCache.DescribeUserGroups",
            "ElastiCache.DescribeUsers", "ElastiCache.DescribeUpdateActions", "MemoryDb.DescribeServiceUpdates", "CloudWatch.GetMetricData",
            "Sns.PublishBatch");
    /** What a target with a role calls to assume it. */
    static final String ASSUME_ROLE = "Sts.AssumeRole";

    private final MeterRegistry registry;
    private final String target;

    public MeteredAwsCalls(MeterRegistry registry, String target) {
        this.registry = registry;
        this.target = target;
    }

    /**
     * {@code cachewatch_aws_calls_total} and {@code cachewatch_aws_throttles_total} of the operations a target calls, at
     * zero from the start, so that an alert on {@code increase(cachewatch_aws_throttles_total[15m])} sees the first
     * throttle. An operation not listed here gets its series at its first call.
     */
    static void registerAtZero(MeterRegistry registry, Tags target, boolean assumesRole, boolean slowlog) {
        registerAtZero(registry, target, assumesRole, slowlog, false);
    }

    static void registerAtZero(MeterRegistry registry, Tags target, boolean assumesRole, boolean slowlog, boolean audit) {
        java.util.Set<String> operations = new java.util.LinkedHashSet<>(RECONCILE_OPERATIONS);
        if (slowlog) {
            operations.addAll(SLOWLOG_OPERATIONS);
        }
        if (audit) {
            operations.addAll(AUDIT_OPERATIONS);
        }
        if (assumesRole) {
            operations.add(ASSUME_ROLE);
        }
        for (String operation : operations) {
            int dot = operation.indexOf('.');
            Tags tags = target.and("service", operation.substring(0, dot), "operation", operation.substring(dot + 1));
            registry.counter("cachewatch.aws.calls", tags);
            registry.counter("cachewatch.aws.throttles", tags);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        registry.counter("cachewatch.aws.calls", tags(attributes)).increment();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (throttled(context.httpResponse())) {
            registry.counter("cachewatch.aws.throttles", tags(attributes)).increment();
        }
    }

    static boolean throttled(SdkHttpResponse response) {
        if (response.statusCode() == 429) {
            return true;
        }
        if (response.isSuccessful()) {
            return false;
        }
        return response.firstMatchingHeader("x-amzn-query-error").map(MeteredAwsCalls::namesThrottling).orElse(false)
                || response.firstMatchingHeader("x-amzn-ErrorType").map(MeteredAwsCalls::namesThrottling).orElse(false);
    }

    private static boolean namesThrottling(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.contains("throttl") || v.contains("requestlimitexceeded") || v.contains("toomanyrequests");
    }

    private Tags tags(ExecutionAttributes attributes) {
        return Tags.of("target", target,
                "service", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)),
                "operation", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
    }
}
