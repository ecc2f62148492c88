package io.cachewatch.audit;

import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * End of standard support per engine version. No API returns it (DescribeCacheEngineVersions and MemoryDB
 * DescribeEngineVersions carry no dates), so the dates are kept here with their sources, as of {@link #AS_OF}.
 */
final class EngineLifecycle {
    /** When the table was last checked against its sources. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
    /** Failures start this many days before the end of standard support (at medium severity). */
    static final int WARN_DAYS = 180;

    /**
     * @param fromMajor,fromMinor,toMajor,toMinor inclusive version range
     * @param endOfStandardSupport                the last day of standard support
     * @param note                                what happens after it
     * @param source                              where the date comes from
     */
    record Entry(int fromMajor, int fromMinor, int toMajor, int toMinor, LocalDate endOfStandardSupport, String note,
                 String source) {
        boolean covers(EngineVersion v) {
            return v.compareTo(new EngineVersion(fromMajor, fromMinor)) >= 0 && v.compareTo(new EngineVersion(toMajor, toMinor)) <= 0;
        }
    }

    static final String EOL_SCHEDULE = "https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/deprecated-engine-versions.html";
    static final String EXTENDED_SUPPORT = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/extended-support.html";

    /** ElastiCache Redis OSS (node-based). Redis OSS 7.x, Valkey, Memcached and MemoryDB have no date announced here. */
    static final List<Entry> REDIS_OSS = List.of(
            new Entry(2, 0, 2, 99, LocalDate.of(2023, 1, 13), "end of life", EOL_SCHEDULE),
            new Entry(3, 0, 3, 99, LocalDate.of(2023, 7, 31), "end of life", EOL_SCHEDULE),
            new Entry(4, 0, 5, 99, LocalDate.of(2026, 1, 31),
                    "Extended Support, billed from 2026-02-01, until 2029-01-31, then upgraded to Valkey", EXTENDED_SUPPORT),
            // Secondary source only (not yet read in the AWS table): https://dev.classmethod.jp/articles/2026-1-31-elasticache-for-redis-oss-4-5
            new Entry(6, 0, 6, 99, LocalDate.of(2027, 1, 31), "Extended Support (billed)",
                    "https://dev.classmethod.jp/articles/2026-1-31-elasticache-for-redis-oss-4-5 (secondary source)"));

    private EngineLifecycle() {
    }

    /** The entry covering this engine version; empty when none is recorded. */
    static Optional<Entry> find(ClusterKind kind, Engine engine, EngineVersion version) {
        if (kind != ClusterKind.ELASTICACHE && kind != ClusterKind.SERVERLESS || engine != Engine.REDIS || version == null) {
            return Optional.empty();
        }
        return REDIS_OSS.stream().filter(e -> e.covers(version)).findFirst();
    }

    /** Whether the table has dates for this engine at all (Redis OSS on ElastiCache only). */
    static boolean tracked(ClusterKind kind, Engine engine) {
        return (kind == ClusterKind.ELASTICACHE || kind == ClusterKind.SERVERLESS) && engine == Engine.REDIS;
    }
}
