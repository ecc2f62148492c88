package io.cachewatch.aws;

import com.google.common.util.concurrent.RateLimiter;

/**
 * Client-side rate limit for one AWS API in one region. AWS quotas are per API and per region (CloudWatch
 * PutMetricAlarm 3 TPS, DescribeAlarms 9 TPS, DeleteAlarms 3 TPS), so a reconcile that stays under them does not
 * spend its retry budget on throttling. Share one instance between every caller of the same API and region.
 */
public final class Pacer {
    private final String api;
    private final String region;
    private final RateLimiter limiter;

    public Pacer(String api, String region, double permitsPerSecond) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permits per second must be positive: " + permitsPerSecond);
        }
        this.api = api;
        this.region = region;
        // Guava's bursty limiter stores at most one second of unused permits, matching how AWS token buckets refill.
        this.limiter = RateLimiter.create(permitsPerSecond);
    }

    /** Blocks until the next call may go out. */
    public void acquire() {
        limiter.acquire();
    }

    public String api() {
        return api;
    }

    public String region() {
        return region;
    }

    public double permitsPerSecond() {
        return limiter.getRate();
    }

    @Override
    public String toString() {
        return api + "@" + region + " " + limiter.getRate() + "/s";
    }
}
