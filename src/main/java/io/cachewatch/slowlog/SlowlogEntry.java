package io.cachewatch.slowlog;

import java.util.List;

/**
 * One SLOWLOG or COMMANDLOG entry as the server reports it.
 *
 * @param id            increases by one per logged command on a node and log; starts again at 0 when the node restarts
 * @param timeSeconds   unix time the command was processed
 * @param value         execution time in microseconds (slow log), or the request's or reply's size in bytes
 *                      (COMMANDLOG large-request, large-reply); see {@link LogType}
 * @param args          the command and its arguments, as truncated by the server (32 arguments, 128 bytes each);
 *                      values in here must never leave the process unless raw arguments are allowed
 * @param clientAddress "ip:port" (empty before Redis 4.0)
 * @param clientName    CLIENT SETNAME of the caller (empty when unnamed)
 */
public record SlowlogEntry(long id, long timeSeconds, long value, List<String> args, String clientAddress, String clientName) {
    public SlowlogEntry {
        args = args == null ? List.of() : List.copyOf(args);
        clientAddress = clientAddress == null ? "" : clientAddress;
        clientName = clientName == null ? "" : clientName;
    }

    /**
     * From one entry of a SLOWLOG GET reply, positionally: {@code [id, time, duration, [argv...], addr, name, ...]}
     * ({@link LogReply#entry}, which names the node and field of a malformed entry).
     */
    public static SlowlogEntry fromReply(List<?> fields) {
        return LogReply.entry("?", LogReply.Source.SLOWLOG, 0, fields);
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
}
