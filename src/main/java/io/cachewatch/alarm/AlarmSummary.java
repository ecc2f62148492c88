package io.cachewatch.alarm;

/** An alarm spec in one line, as a plan shows what a create makes. */
public final class AlarmSummary {
    private AlarmSummary() {
    }

    /** Metrics CloudWatch reports in bytes, whose thresholds read better with a binary unit beside them. */
    private static final java.util.Set<String> BYTE_METRICS = java.util.Set.of("SwapUsage", "FreeableMemory",
            "BytesUsedForCache", "BytesUsedForCacheItems", "NetworkBytesIn", "NetworkBytesOut");

    /** {@code EngineCPUUtilization Average > 80 for 5/5 × 60s}; {@code SwapUsage Average > 52428800 (50 MiB) …}. */
    public static String describe(AlarmSpec s) {
        return describe(s, new StringBuilder(64)).toString();
    }

    /**
     * Appends the one-line summary: a plan makes one per created alarm (tens of thousands), and a builder is far
     * cheaper than a concatenation of this many parts while a cold JVM still interprets it.
     */
    public static StringBuilder describe(AlarmSpec s, StringBuilder to) {
        to.append(s.metricName()).append(' ').append(s.statistic()).append(' ').append(s.comparison().symbol()).append(' ')
                .append(number(s.threshold()));
        if (BYTE_METRICS.contains(s.metricName()) && s.threshold() >= 1024) {
            to.append(" (").append(binary(s.threshold())).append(')');
        }
        return to.append(" for ").append(s.datapointsToAlarm()).append('/').append(s.evaluationPeriods()).append(" × ")
                .append(s.period()).append('s');
    }

    /** True when two specs have the same summary: it reads only these fields. */
    static boolean sameSummary(AlarmSpec a, AlarmSpec b) {
        return a.metricName().equals(b.metricName()) && a.statistic().equals(b.statistic()) && a.comparison() == b.comparison()
                && Double.compare(a.threshold(), b.threshold()) == 0 && a.datapointsToAlarm() == b.datapointsToAlarm()
                && a.evaluationPeriods() == b.evaluationPeriods() && a.period() == b.period();
    }

    public static String binary(double bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value)) + " " + units[unit];
    }

    /** Whole numbers without a fraction: {@code 80}, not {@code 80.0}. */
    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
