package io.cachewatch.slowlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Entries of a {@code SLOWLOG GET} or {@code COMMANDLOG GET <n> <type>} reply (already plain Java values: lists,
 * numbers, strings). Both are arrays of entries, newest first; an entry is positional:
 * {@code [id, unix time, value, [argv…], "ip:port", "client-name"]} (COMMANDLOG: exactly these six, valkey-io/valkey
 * src/commandlog.c; SLOWLOG before Redis 4.0 lacks the last two, Redis 8.10 appends a seventh that is ignored).
 * A malformed reply fails with {@link MalformedReplyException} naming the node, the command, the entry and the field.
 */
public final class LogReply {
    /** What was read, as the error names it; COMMANDLOG entries must carry the client fields. */
    public enum Source {
        SLOWLOG("SLOWLOG GET", 4),
        COMMANDLOG_SLOW("COMMANDLOG GET slow", 6),
        COMMANDLOG_LARGE_REQUEST("COMMANDLOG GET large-request", 6),
        COMMANDLOG_LARGE_REPLY("COMMANDLOG GET large-reply", 6);

        private final String command;
        private final int minFields;

        Source(String command, int minFields) {
            this.command = command;
            this.minFields = minFields;
        }

        public String command() {
            return command;
        }

        public static Source commandlog(LogType log) {
            return switch (log) {
                case SLOW -> COMMANDLOG_SLOW;
                case LARGE_REQUEST -> COMMANDLOG_LARGE_REQUEST;
                case LARGE_REPLY -> COMMANDLOG_LARGE_REPLY;
            };
        }
    }

    /** A reply that is not what the command returns. */
    public static final class MalformedReplyException extends IllegalArgumentException {
        MalformedReplyException(String message) {
            super(message);
        }
    }

    private static final String[] FIELDS = {"id", "time", "value", "arguments", "client address", "client name"};

    private LogReply() {
    }

    public static List<SlowlogEntry> entries(String node, Source source, Object reply) {
        if (!(reply instanceof List<?> list)) {
            throw malformed(node, source, "the reply is " + describe(reply) + ", not an array of entries");
        }
        List<SlowlogEntry> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof List<?> fields)) {
                throw malformed(node, source, "entry " + (i + 1) + " is " + describe(list.get(i)) + ", not an array");
            }
            entries.add(entry(node, source, i, fields));
        }
        return entries;
    }

    /** Entry {@code index} (0-based) of a reply from {@code node}. */
    public static SlowlogEntry entry(String node, Source source, int index, List<?> fields) {
        String where = "entry " + (index + 1);
        if (fields == null || fields.size() < source.minFields) {
            throw malformed(node, source, where + " has " + (fields == null ? 0 : fields.size()) + " fields, expected "
                    + (source.minFields == 6 ? "6" : "at least " + source.minFields)
                    + " (id, time, value, arguments" + (source.minFields == 6 ? ", client address, client name)" : ")"));
        }
        long id = number(node, source, where, fields, 0);
        long time = number(node, source, where, fields, 1);
        long value = number(node, source, where, fields, 2);
        if (!(fields.get(3) instanceof List<?> argv)) {
            throw malformed(node, source, where + ": field 'arguments' is " + describe(fields.get(3)) + ", not an array");
        }
        List<String> args = new ArrayList<>(argv.size());
        argv.forEach(a -> args.add(a == null ? "" : a.toString()));
        return new SlowlogEntry(id, time, value, args, text(node, source, where, fields, 4), text(node, source, where, fields, 5));
    }

    private static long number(String node, Source source, String where, List<?> fields, int i) {
        Object v = fields.get(i);
        long n;
        if (v instanceof Number number) {
            n = number.longValue();
        } else {
            try {
                n = Long.parseLong(String.valueOf(v).trim());
            } catch (NumberFormatException e) {
                throw malformed(node, source, where + ": field '" + FIELDS[i] + "' is " + describe(v) + ", not a number");
            }
        }
        if (n < 0) {
            throw malformed(node, source, where + ": field '" + FIELDS[i] + "' is negative (" + n + ")");
        }
        return n;
    }

    private static String text(String node, Source source, String where, List<?> fields, int i) {
        if (fields.size() <= i || fields.get(i) == null) {
            return "";
        }
        Object v = fields.get(i);
        if (v instanceof List<?> || v instanceof java.util.Map<?, ?>) {
            throw malformed(node, source, where + ": field '" + FIELDS[i] + "' is " + describe(v) + ", not a string");
        }
        return v.toString();
    }

    private static MalformedReplyException malformed(String node, Source source, String what) {
        return new MalformedReplyException("node " + node + ": malformed " + source.command() + " reply: " + what);
    }

    /** What a value is, for an error message: its type and, for short scalars, the value (replies hold no secrets here). */
    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof List<?> l) {
            return "an array of " + l.size();
        }
        if (v instanceof java.util.Map<?, ?>) {
            return "a map";
        }
        String text = v.toString();
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }
}
