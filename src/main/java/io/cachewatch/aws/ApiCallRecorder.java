package io.cachewatch.aws;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS request sent (retries included, as quotas count them), by "Service.Operation". Registered on every
 * SDK client so a run can report what it cost.
 */
public final class ApiCallRecorder implements ExecutionInterceptor {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public SortedMap<String, Long> snapshot() {
        SortedMap<String, Long> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
