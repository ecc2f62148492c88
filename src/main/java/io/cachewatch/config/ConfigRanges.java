package io.cachewatch.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The allowed range of every numeric and duration setting under {@code cachewatch.*}, checked once at start-up so a
 * value out of range is a usage error (exit 64) naming the key, the value as written and the range, before any AWS call,
 * instead of surfacing mid-run as a failed region or an SDK message. README's configuration table shows the same ranges.
 */
public final class ConfigRanges {
    /**
     * Page sizes of list calls. ElastiCache's Describe* calls take MaxRecords "minimum 20; maximum 100" (ElastiCache API
     * Reference, DescribeReplicationGroups; "cannot be less than 20 or greater than 100",
     * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Replication.ViewDetails.API.html); MemoryDB DescribeClusters
     * documents MaxResults as "Type: Integer, Required: No" without a range
     * (https://docs.aws.amazon.com/memorydb/latest/APIReference/API_DescribeClusters.html); the Resource Groups Tagging
     * API's GetResources takes ResourcesPerPage 1–100. One setting serves them all, so the narrowest range wins.
     */
    public static final int MIN_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    /** One setting: its key, how to read it as a number (NaN when its text was not one), and what it may be. */
    record Range(String key, ToDoubleFunction<CachewatchConfig> read, Kind kind, double min, boolean minIncluded, double max,
                 String meaning) {
        String allowed() {
            String what = switch (kind) {
                case WHOLE -> "a whole number";
                case DECIMAL -> "a number";
                case DURATION -> "a duration (e.g. 30s, 5m, 1h)";
            };
            String unit = kind == Kind.DURATION ? " s" : "";
            String low = (kind == Kind.DURATION ? seconds(min) : number(min)) + unit;
            if (Double.isInfinite(max)) {
                return what + (minIncluded ? " of at least " : " greater than ") + low;
            }
            String high = (kind == Kind.DURATION ? seconds(max) : number(max)) + unit;
            return what + " from " + low + " to " + high;
        }

        boolean accepts(double value) {
            return !Double.isNaN(value) && (minIncluded ? value >= min : value > min) && value <= max;
        }
    }

    enum Kind { WHOLE, DECIMAL, DURATION }

    private static final double NONE = Double.POSITIVE_INFINITY;

    static final List<Range> RANGES = List.of(
            decimal("cachewatch.rates.put-metric-alarm", c -> c.rates().putMetricAlarm(), 0, false, NONE, "PutMetricAlarm calls/s per region; quota 3"),
            decimal("cachewatch.rates.delete-alarms", c -> c.rates().deleteAlarms(), 0, false, NONE, "DeleteAlarms calls/s per region; quota 3"),
            decimal("cachewatch.rates.describe-alarms", c -> c.rates().describeAlarms(), 0, false, NONE, "DescribeAlarms calls/s per region; quota 9"),
            decimal("cachewatch.dashboards.rate", c -> c.dashboards().rate(), 0, false, NONE, "calls/s of each dashboard API; quota 10"),
            decimal("cachewatch.safety.max-delete-share", c -> c.safety().maxDeleteShare(), 0, true, 1, "share of a region's managed alarms"),
            whole("cachewatch.aws.max-attempts", c -> c.aws().maxAttempts(), 1, 100, "attempts per AWS call"),
            whole("cachewatch.discovery.page-size", c -> c.discovery().pageSize(), MIN_PAGE_SIZE, MAX_PAGE_SIZE,
                    "page size of list calls; ElastiCache MaxRecords takes 20–100"),
            whole("cachewatch.slowlog.concurrency", c -> c.slowlog().concurrency(), 1, 1024, "nodes read at the same time"),
            whole("cachewatch.slowlog.max-entries", c -> c.slowlog().maxEntries(), 1, 100_000, "entries fetched from one node per read"),
            whole("cachewatch.slowlog.top", c -> c.slowlog().top(), 1, 100, "rows of the top tables"),
            whole("cachewatch.slowlog.buffer-size", c -> c.slowlog().bufferSize(), 0, 1_000_000, "undelivered messages kept"),
            wholeLong("cachewatch.slowlog.warning-micros", c -> c.slowlog().warningMicros(), "µs"),
            wholeLong("cachewatch.slowlog.critical-micros", c -> c.slowlog().criticalMicros(), "µs"),
            wholeLong("cachewatch.slowlog.long-script-micros", c -> c.slowlog().longScriptMicros(), "µs"),
            decimal("cachewatch.slowlog.worse-factor", c -> c.slowlog().worseFactor(), 1, true, NONE, "growth that counts as worse"),
            duration("cachewatch.slowlog.interval", c -> c.slowlog().interval(), false, "time between slow-log polls"),
            duration("cachewatch.slowlog.connect-timeout", c -> c.slowlog().connectTimeout(), false, "Redis connect timeout"),
            duration("cachewatch.slowlog.command-timeout", c -> c.slowlog().commandTimeout(), false, "Redis command timeout"),
            duration("cachewatch.slowlog.suppress-for", c -> c.slowlog().suppressFor(), true, "repeat suppression window"),
            duration("cachewatch.audit.interval", c -> c.audit().interval(), false, "time between audits of a target under serve"),
            duration("cachewatch.serve.reconcile-interval", c -> c.serve().reconcileInterval(), false, "time between reconcile runs"),
            duration("cachewatch.serve.first-run-delay", c -> c.serve().firstRunDelay(), true, "delay of the first run"),
            duration("cachewatch.serve.stop-timeout", c -> c.serve().stopTimeout(), true, "time a run may take to stop"),
            duration("cachewatch.serve.readiness-grace", c -> c.serve().readinessGrace(), true,
                    "time a target's discovery may fail before readiness goes down"),
            new Range("cachewatch.audit.lookback", c -> secondsOf(c.audit().lookback()), Kind.DURATION, 7 * 86400, true, 455 * 86400,
                    "metric history the usage checks read: at least the 7 days a verdict needs, at most the 455 days CloudWatch keeps hourly data"));

    private ConfigRanges() {
    }

    /**
     * One line per setting outside its range: {@code key=value as written: expected …}.
     *
     * @param raw the setting's text as configured (for the message), null when unknown
     */
    public static List<String> problems(CachewatchConfig config, Function<String, String> raw) {
        List<String> problems = new ArrayList<>();
        for (Range range : RANGES) {
            check(range, range.read().applyAsDouble(config), raw, problems);
        }
        // each target's AssumeRole timing: its range (15 min to 12 h, below the session) is the target's own check
        // when serve starts; here only text that is not a duration at all
        List<CachewatchConfig.Target> targets = config.targets().orElse(List.of());
        for (int i = 0; i < targets.size(); i++) {
            String target = "cachewatch.targets[" + i + "].";
            CachewatchConfig.Target t = targets.get(i);
            check(duration(target + "session-duration", c -> t.sessionDuration(), false, "AssumeRole session length, 15 min to 12 h"),
                    raw, config, problems);
            check(duration(target + "refresh-before", c -> t.refreshBefore(), false, "a session is renewed once less than this remains"),
                    raw, config, problems);
        }
        for (Flag flag : FLAGS) {
            String text = raw.apply(flag.key());
            if (text != null && !LenientNumbers.Flag.isFlag(text)) {
                problems.add(flag.key() + "=" + text + ": expected true or false (" + flag.meaning() + ")");
            }
        }
        return problems;
    }

    /** An on/off setting; its value as written is checked, since every text converts to a boolean. */
    record Flag(String key, String meaning) {
    }

    static final List<Flag> FLAGS = List.of(
            new Flag("cachewatch.serve.slowlog.enabled", "slow-log reads under serve"));

    private static void check(Range range, Function<String, String> raw, CachewatchConfig config, List<String> problems) {
        check(range, range.read().applyAsDouble(config), raw, problems);
    }

    private static void check(Range range, double value, Function<String, String> raw, List<String> problems) {
        if (!range.accepts(value)) {
            String text = raw.apply(range.key());
            String shown = text != null ? text : Double.isNaN(value) ? "?" : number(value);
            problems.add(range.key() + "=" + shown + ": " + (Double.isNaN(value) ? "not " + article(range.kind()) + "; " : "")
                    + "expected " + range.allowed() + " (" + range.meaning() + ")");
        }
    }

    private static String article(Kind kind) {
        return switch (kind) {
            case WHOLE -> "a whole number";
            case DECIMAL -> "a number";
            case DURATION -> "a duration";
        };
    }

    private static Range decimal(String key, ToDoubleFunction<CachewatchConfig> read, double min, boolean minIncluded, double max, String meaning) {
        return new Range(key, c -> finite(read.applyAsDouble(c)), Kind.DECIMAL, min, minIncluded, max, meaning);
    }

    private static Range whole(String key, java.util.function.ToIntFunction<CachewatchConfig> read, int min, int max, String meaning) {
        return new Range(key, c -> {
            int v = read.applyAsInt(c);
            return v == LenientNumbers.NOT_A_WHOLE_NUMBER ? Double.NaN : v;
        }, Kind.WHOLE, min, true, max, meaning);
    }

    private static Range wholeLong(String key, java.util.function.ToLongFunction<CachewatchConfig> read, String unit) {
        return new Range(key, c -> {
            long v = read.applyAsLong(c);
            return v == LenientNumbers.NOT_A_LONG ? Double.NaN : v;
        }, Kind.WHOLE, 0, true, NONE, unit);
    }

    private static Range duration(String key, Function<CachewatchConfig, Duration> read, boolean zeroAllowed, String meaning) {
        return new Range(key, c -> secondsOf(read.apply(c)), Kind.DURATION, 0, zeroAllowed, NONE, meaning);
    }

    private static double secondsOf(Duration d) {
        return d == null || d.equals(LenientNumbers.NOT_A_DURATION) ? Double.NaN : d.getSeconds() + d.getNano() / 1e9;
    }

    /** Infinity is not a usable rate or share; treat it like text that is not a number. */
    private static double finite(double value) {
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String seconds(double value) {
        return number(value);
    }
}
