package io.cachewatch.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Retry strategies for AWS clients, set with {@code ClientOverrideConfiguration.retryStrategy(...)}. The SDK's
 * standard strategy already knows which error codes are throttling (Throttling, ThrottlingException, HTTP 429…),
 * backs off exponentially with jitter and keeps a retry budget, so we configure it rather than retry ourselves.
 */
public final class AwsRetry {
    private AwsRetry() {
    }

    /** The SDK's standard AWS strategy (exponential backoff with jitter, throttling-aware) with this many attempts. */
    public static RetryStrategy strategy(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(checked(maxAttempts))
                .build();
    }

    /**
     * As {@link #strategy(int)}, with the base delay of the exponential backoff for both ordinary and throttling
     * errors: short delays keep tests quick, the SDK's defaults (100 ms, 1 s for throttling) suit AWS.
     */
    public static RetryStrategy strategy(int maxAttempts, Duration baseDelay) {
        Duration max = Duration.ofSeconds(20);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(checked(maxAttempts))
                .backoffStrategy(BackoffStrategy.exponentialDelay(baseDelay, max))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(baseDelay, max))
                .build();
    }

    private static int checked(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1: " + maxAttempts);
        }
        return maxAttempts;
    }
}
