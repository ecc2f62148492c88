package io.cachewatch.usage;

/**
 * A figure the usage checks read, per node (or per serverless cache), independent of the CloudWatch metric that carries
 * it for a kind and engine ({@link UsageMetrics}). Daily figures are one point per day of the lookback, hourly ones one
 * per hour: hourly only where a check needs the hour (the p99 of the busiest hours, the load of each hour of the week),
 * which keeps one GetMetricData call within its 100,800 data points for 500 queries.
 */
public enum Figure {
    /** Engine CPU (Memcached: host CPU, it is multi-threaded), % — hourly Maximum. */
    CPU_HOURLY("Maximum", 3600),
    /** Engine CPU, % — daily Average (shard skew). */
    CPU_DAILY("Average", 86400),
    /** Memory used, % of the engine's memory — daily Maximum. */
    MEMORY_PERCENT("Maximum", 86400),
    /** Memory used by items, bytes (Memcached) — daily Maximum. */
    MEMORY_BYTES("Maximum", 86400),
    /** Read and write commands (serverless: ECPUs consumed) — daily Sum. */
    COMMANDS("Sum", 86400),
    /** Open client connections — daily Maximum. */
    CONNECTIONS_MAX("Maximum", 86400),
    /** Open client connections — daily Average. */
    CONNECTIONS_AVERAGE("Average", 86400),
    /** Connections accepted — daily Sum. */
    NEW_CONNECTIONS("Sum", 86400),
    /** Keys evicted — daily Sum. */
    EVICTIONS("Sum", 86400),
    /** Keys — daily Average. */
    ITEMS("Average", 86400),
    /** Keys with a TTL — daily Average. */
    VOLATILE_ITEMS("Average", 86400),
    /** Bytes received — daily Sum. */
    NETWORK_IN("Sum", 86400),
    /** 1 while the node is its shard's primary, else 0 — daily Maximum (tells primaries where discovery reports no role). */
    IS_PRIMARY("Maximum", 86400);

    private final String statistic;
    private final int periodSeconds;

    Figure(String statistic, int periodSeconds) {
        this.statistic = statistic;
        this.periodSeconds = periodSeconds;
    }

    public String statistic() {
        return statistic;
    }

    public int periodSeconds() {
        return periodSeconds;
    }
}
