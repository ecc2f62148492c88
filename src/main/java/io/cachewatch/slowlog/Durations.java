package io.cachewatch.slowlog;

import java.util.Locale;

/** Human durations from microseconds: 850 µs, 12.3 ms, 1.20 s. */
public final class Durations {
    private Durations() {
    }

    public static String format(long micros) {
        if (micros < 1_000) {
            return micros + " µs";
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }
}
