package io.cachewatch.slowlog;

import java.util.Locale;

/**
 * The logs a node keeps of the commands it ran. Redis and Valkey before 8.1 keep only the slow log ({@code SLOWLOG});
 * Valkey 8.1 and later keep three in {@code COMMANDLOG}, each with its own ids, threshold and length
 * ({@code COMMANDLOG GET <count> slow|large-request|large-reply}; valkey-io/valkey src/commandlog.c, valkey.conf):
 * an entry's value is the execution time in µs in the slow log and the size in bytes in the other two. The server's
 * thresholds ({@code commandlog-execution-slower-than}, {@code commandlog-request-larger-than},
 * {@code commandlog-reply-larger-than}) decide what is logged, not cachewatch.
 */
public enum LogType {
    SLOW,
    LARGE_REQUEST,
    LARGE_REPLY;

    /** The type's name in {@code COMMANDLOG GET} and in metric dimensions and cursor keys: slow, large-request, large-reply. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True for the logs whose value is a size in bytes. */
    public boolean measuresSize() {
        return this != SLOW;
    }

    /** An entry's value for people: "12.3 ms" in the slow log, "1.5 MiB" in the others. */
    public String format(long value) {
        return measuresSize() ? Sizes.format(value) : Durations.format(value);
    }
}
