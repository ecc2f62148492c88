package io.cachewatch.slowlog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What may be said about a logged command without its values: the command (with its subcommand for container
 * commands such as {@code CLIENT LIST}) and the patterns of the keys it touched. Only arguments that are keys (by the
 * command's key positions) are looked at; unknown commands contribute no key at all, so an argument value can never
 * pass for a key.
 */
public record CommandShape(String command, String keyPattern) {
    private static final Set<String> FIRST_KEY = Set.of(
            "GET", "SET", "SETEX", "PSETEX", "SETNX", "GETSET", "GETDEL", "GETEX", "APPEND", "STRLEN", "INCR", "INCRBY",
            "INCRBYFLOAT", "DECR", "DECRBY", "GETRANGE", "SETRANGE", "SUBSTR", "EXPIRE", "PEXPIRE", "EXPIREAT",
            "PEXPIREAT", "EXPIRETIME", "TTL", "PTTL", "PERSIST", "TYPE", "DUMP", "RESTORE", "HGET", "HSET", "HSETNX",
            "HMSET", "HMGET", "HDEL", "HLEN", "HKEYS", "HVALS", "HGETALL", "HEXISTS", "HINCRBY", "HINCRBYFLOAT", "HSCAN",
            "HSTRLEN", "HRANDFIELD", "LPUSH", "RPUSH", "LPUSHX", "RPUSHX", "LPOP", "RPOP", "LLEN", "LRANGE", "LINDEX",
            "LSET", "LREM", "LTRIM", "LINSERT", "LPOS", "SADD", "SREM", "SMEMBERS", "SISMEMBER", "SMISMEMBER", "SCARD",
            "SPOP", "SRANDMEMBER", "SSCAN", "ZADD", "ZREM", "ZRANGE", "ZREVRANGE", "ZRANGEBYSCORE", "ZREVRANGEBYSCORE",
            "ZRANGEBYLEX", "ZREVRANGEBYLEX", "ZRANK", "ZREVRANK", "ZSCORE", "ZMSCORE", "ZCARD", "ZCOUNT", "ZLEXCOUNT",
            "ZINCRBY", "ZSCAN", "ZPOPMIN", "ZPOPMAX", "ZREMRANGEBYSCORE", "ZREMRANGEBYRANK", "ZREMRANGEBYLEX",
            "ZRANDMEMBER", "XADD", "XRANGE", "XREVRANGE", "XLEN", "XTRIM", "XDEL", "XACK", "XCLAIM", "XAUTOCLAIM",
            "XPENDING", "XSETID", "PFADD", "GEOADD", "GEORADIUS", "GEORADIUSBYMEMBER", "GEOSEARCH", "GEODIST", "GEOPOS",
            "GEOHASH", "BITCOUNT", "BITPOS", "BITFIELD", "SETBIT", "GETBIT", "SORT", "SORT_RO", "OBJECT", "JSON.GET",
            "JSON.SET", "JSON.DEL", "JSON.MGET");
    private static final Set<String> ALL_KEYS = Set.of(
            "DEL", "UNLINK", "EXISTS", "MGET", "TOUCH", "WATCH", "SUNION", "SINTER", "SDIFF", "PFCOUNT", "PFMERGE",
            "SUNIONSTORE", "SINTERSTORE", "SDIFFSTORE", "RENAME", "RENAMENX", "COPY");
    private static final Set<String> PAIRS = Set.of("MSET", "MSETNX");
    private static final Set<String> NUMKEYS_SECOND = Set.of("EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO");
    private static final Set<String> CONTAINERS = Set.of(
            "CLIENT", "CONFIG", "CLUSTER", "DEBUG", "MEMORY", "SCRIPT", "FUNCTION", "XINFO", "XGROUP", "COMMAND",
            "SLOWLOG", "COMMANDLOG", "ACL", "LATENCY", "MODULE", "PUBSUB");
    private static final int MAX_PATTERNS = 3;

    public static CommandShape of(List<String> args) {
        if (args.isEmpty()) {
            return new CommandShape("", "");
        }
        String command = args.get(0).toUpperCase(Locale.ROOT);
        if (CONTAINERS.contains(command) && args.size() > 1 && !isTruncationMarker(args.get(1))) {
            return new CommandShape(command + " " + args.get(1).toUpperCase(Locale.ROOT), command.equals("OBJECT") ? pattern(args, 2, 3, 1) : "");
        }
        String keys;
        if (command.equals("KEYS")) {
            keys = pattern(args, 1, 2, 1); // a glob, normalized like a key ("user:*" stays as it is)
        } else if (FIRST_KEY.contains(command)) {
            keys = pattern(args, 1, 2, 1);
        } else if (ALL_KEYS.contains(command)) {
            keys = pattern(args, 1, args.size(), 1);
        } else if (PAIRS.contains(command)) {
            keys = pattern(args, 1, args.size(), 2);
        } else if (NUMKEYS_SECOND.contains(command) && args.size() > 2) {
            int numKeys = parseOr(args.get(2), 0);
            keys = pattern(args, 3, Math.min(args.size(), 3 + numKeys), 1);
        } else {
            keys = "";
        }
        return new CommandShape(command, keys);
    }

    private static String pattern(List<String> args, int from, int to, int step) {
        Set<String> patterns = new LinkedHashSet<>();
        List<String> shown = new ArrayList<>();
        for (int i = from; i < Math.min(to, args.size()); i += step) {
            if (isTruncationMarker(args.get(i))) {
                break;
            }
            String p = KeyPattern.of(args.get(i));
            if (patterns.add(p) && shown.size() < MAX_PATTERNS) {
                shown.add(p);
            }
        }
        String joined = String.join(" ", shown);
        return patterns.size() > shown.size() ? joined + " …" : joined;
    }

    /** The server's "... (N more arguments)" in place of the 32nd argument. */
    static boolean isTruncationMarker(String arg) {
        return arg.startsWith("... (") && arg.endsWith("more arguments)");
    }

    static int parseOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** "GET user:{n}:session", or just the command. */
    public String label() {
        return keyPattern.isEmpty() ? command : command + " " + keyPattern;
    }
}
