package io.cachewatch.slowlog;

import java.util.ArrayList;
import java.util.List;

/**
 * One SLOWLOG (or COMMANDLOG) entry as the server reports it.
 *
 * @param id             increases by one per logged command on a node; starts again at 0 when the node restarts
 * @param timeSeconds    unix time the command was processed
 * @param durationMicros execution time in microseconds
 * @param args           the command and its arguments, as truncated by the server (32 arguments, 128 bytes each);
 *                       values in here must never leave the process unless raw arguments are allowed
 * @param clientAddress  "ip:port" (empty before Redis 4.0)
 * @param clientName     CLIENT SETNAME of the caller (empty when unnamed)
 */
public record SlowlogEntry(long id, long timeSeconds, long durationMicros, List<String> args, String clientAddress, String clientName) {
    public SlowlogEntry {
        args = args == null ? List.of() : List.copyOf(args);
        clientAddress = clientAddress == null ? "" : clientAddress;
        clientName = clientName == null ? "" : clientName;
    }

    /**
     * From one entry of a SLOWLOG GET reply, positionally: {@code [id, time, duration, [argv...], addr, name, ...]}.
     * Fields 5 and 6 are missing before Redis 4.0; fields after the sixth (Redis 8.10 adds the original argument
     * count) are ignored. Numbers may arrive as {@link Number} or as text, arguments as any objects.
     */
    public static SlowlogEntry fromReply(List<?> fields) {
        if (fields == null || fields.size() < 4 || !(fields.get(3) instanceof List<?> argv)) {
            throw new IllegalArgumentException("not a slow log entry: " + (fields == null ? "null" : fields.size() + " fields"));
        }
        List<String> args = new ArrayList<>(argv.size());
        argv.forEach(a -> args.add(a == null ? "" : a.toString()));
        return new SlowlogEntry(number(fields.get(0)), number(fields.get(1)), number(fields.get(2)), args,
                fields.size() > 4 ? text(fields.get(4)) : "", fields.size() > 5 ? text(fields.get(5)) : "");
    }

    /** The command name in upper case, or "" for an empty entry. */
    public String command() {
        return args.isEmpty() ? "" : args.get(0).toUpperCase(java.util.Locale.ROOT);
    }

    /** Client address without the ephemeral port ("10.0.0.5"). */
    public String clientHost() {
        int colon = clientAddress.lastIndexOf(':');
        return colon < 0 ? clientAddress : clientAddress.substring(0, colon);
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(String.valueOf(value).trim());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
