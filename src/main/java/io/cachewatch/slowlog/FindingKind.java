package io.cachewatch.slowlog;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a slow command was, following the ElastiCache/MemoryDB best-practice guidance on commands to avoid in
 * production; each kind carries the advice a person gets in Slack.
 */
public enum FindingKind {
    KEYS("KEYS scans the whole keyspace", Severity.WARNING, List.of(
            "Replace KEYS with SCAN (cursor, COUNT 100-1000) in the client named below.",
            "If the pattern is a lookup, keep an index (a set or hash) instead of scanning.")),
    FLUSH("FLUSHALL/FLUSHDB ran", Severity.WARNING, List.of(
            "Find who flushed the data (client below); production clients should not be allowed FLUSHALL/FLUSHDB.",
            "Use the ASYNC flag, or rename/deny the command through an ACL (-flushall -flushdb).")),
    SAVE("SAVE blocked the server", Severity.WARNING, List.of(
            "Do not call SAVE on a managed cluster; backups are taken by the service (use BGSAVE if you must).")),
    DEBUG("DEBUG ran", Severity.WARNING, List.of(
            "DEBUG is not for production traffic; remove it from the client and deny it through an ACL.")),
    FULL_READ("full reads of large collections", Severity.INFO, List.of(
            "Read large hashes, sets and lists in pages: HSCAN/SSCAN/ZSCAN instead of HGETALL/SMEMBERS, LRANGE/ZRANGE with bounded ranges instead of 0 -1.",
            "Split big collections into smaller keys (e.g. by bucket) so one read stays small.")),
    SCRIPT("long Lua scripts or functions", Severity.INFO, List.of(
            "Scripts block the server while they run: keep each EVAL/FCALL short and bounded, move loops over many keys to the client.",
            "Check the script's complexity against the size of the keys it touches.")),
    SLOW("slow commands", Severity.INFO, List.of(
            "Check the largest keys of these patterns (MEMORY USAGE, --bigkeys on a replica) and the complexity of the commands.",
            "Look at EngineCPUUtilization and latency metrics of the nodes named below for the same time.")),
    LARGE_REQUEST("large requests", Severity.WARNING, List.of(
            "A client sent a command larger than the server's commandlog-request-larger-than: split big writes (MSET/HSET in batches, values in chunks) in the client named below.",
            "Large values cost memory, network and replication bandwidth on every write: compress them or keep them outside the cache.")),
    LARGE_REPLY("large replies", Severity.WARNING, List.of(
            "A command returned more than the server's commandlog-reply-larger-than: look for big keys of these patterns (MEMORY USAGE, --bigkeys on a replica).",
            "Read big collections in pages (HSCAN/SSCAN/ZSCAN, bounded LRANGE/ZRANGE) and split big values, so one reply stays small.")),
    LOST("log entries lost between polls", Severity.WARNING, List.of(
            "More commands were logged than the log holds: raise slowlog-max-len (Valkey 8.1+: commandlog-slow-execution-max-len, commandlog-large-request-max-len, commandlog-large-reply-max-len) in the parameter group or poll more often (cachewatch.slowlog.interval).")),
    ;

    private static final Set<String> FULL_READ_COMMANDS = Set.of("HGETALL", "SMEMBERS", "HKEYS", "HVALS");
    private static final Set<String> RANGE_COMMANDS = Set.of("LRANGE", "ZRANGE", "ZREVRANGE");
    private static final Set<String> SCRIPT_COMMANDS = Set.of("EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO");

    private final String title;
    private final Severity minimum;
    private final List<String> nextSteps;

    FindingKind(String title, Severity minimum, List<String> nextSteps) {
        this.title = title;
        this.minimum = minimum;
        this.nextSteps = nextSteps;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String title() {
        return title;
    }

    /** Severity a finding of this kind has at least, whatever its duration. */
    public Severity minimum() {
        return minimum;
    }

    public List<String> nextSteps() {
        return nextSteps;
    }

    /** The log this kind's entries come from, and so what its values measure (µs, or bytes). */
    public LogType log() {
        return switch (this) {
            case LARGE_REQUEST -> LogType.LARGE_REQUEST;
            case LARGE_REPLY -> LogType.LARGE_REPLY;
            default -> LogType.SLOW;
        };
    }

    /**
     * Classifies one logged entry of {@code log}: every entry of the large-request and large-reply logs is of their
     * kind; a slow-log entry is classified by its command ({@link #classify(List, long, long)}).
     */
    public static FindingKind classify(LogType log, List<String> args, long value, long longScriptMicros) {
        return switch (log) {
            case LARGE_REQUEST -> LARGE_REQUEST;
            case LARGE_REPLY -> LARGE_REPLY;
            case SLOW -> classify(args, value, longScriptMicros);
        };
    }

    /** Classifies one logged command; reads argument values (e.g. LRANGE's range) but never returns them. */
    public static FindingKind classify(List<String> args, long durationMicros, long longScriptMicros) {
        String command = args.isEmpty() ? "" : args.get(0).toUpperCase(Locale.ROOT);
        if (command.equals("KEYS")) {
            return KEYS;
        }
        if (command.equals("FLUSHALL") || command.equals("FLUSHDB")) {
            return FLUSH;
        }
        if (command.equals("SAVE")) {
            return SAVE;
        }
        if (command.equals("DEBUG")) {
            return DEBUG;
        }
        if (FULL_READ_COMMANDS.contains(command) || RANGE_COMMANDS.contains(command) && args.size() >= 4
                && args.get(2).trim().equals("0") && args.get(3).trim().equals("-1")) {
            return FULL_READ;
        }
        if (SCRIPT_COMMANDS.contains(command) && durationMicros >= longScriptMicros) {
            return SCRIPT;
        }
        return SLOW;
    }
}
