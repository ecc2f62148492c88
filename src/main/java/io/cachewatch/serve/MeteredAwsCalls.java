package io.cachewatch.serve;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
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
    private final MeterRegistry registry;
    private final String target;

    public MeteredAwsCalls(MeterRegistry registry, String target) {
        this.registry = registry;
        this.target = target;
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
