package io.cachewatch.redis;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a node's failure for people from the error it gave. A server's error reply starts with its code
 * ({@code NOPERM}, {@code WRONGPASS}, …); the client may put its own prefix before it (the Vert.x client reports the
 * failed command of a pipeline as {@code ERR [1] NOPERM …}), so the code is read after any such prefix.
 */
public final class RedisErrors {
    /** Error codes of Redis and Valkey replies and what they mean for reading a node. */
    private static final Map<String, String> CODES = Map.of(
            "NOPERM", "permission denied",
            "WRONGPASS", "auth rejected",
            "NOAUTH", "auth rejected",
            "LOADING", "loading",
            "BUSY", "busy",
            "MASTERDOWN", "unavailable",
            "CLUSTERDOWN", "unavailable",
            "READONLY", "error",
            "ERR", "error");
    /** {@code ERR [1] }: the Vert.x client's index of the failed request in a pipeline. */
    private static final Pattern CLIENT_PREFIX = Pattern.compile("^ERR \\[\\d+\\] ");
    private static final Pattern CODE = Pattern.compile("^([A-Z]+)(?: |$)");

    private RedisErrors() {
    }

    /**
     * True when {@code e} is the server's error reply (the command was refused: unknown, renamed, denied by the ACL),
     * as opposed to a connection that failed or timed out.
     */
    public static boolean isErrorReply(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.redis.client.impl.types.ErrorType) {
                return true;
            }
        }
        return false;
    }

    /** The server's reply without what the client put before it: {@code ERR [1] NOPERM x} → {@code NOPERM x}. */
    public static String serverReply(String message) {
        Matcher m = CLIENT_PREFIX.matcher(message);
        return m.find() ? message.substring(m.end()) : message;
    }

    /**
     * What kind of failure an error message is: by the reply's code when it is a known Redis error reply, else by
     * what the message says (connection refused, timed out, TLS), else {@code error}.
     */
    public static String kind(String message, boolean timeout, boolean tls) {
        String reply = serverReply(message);
        Matcher code = CODE.matcher(reply);
        if (code.find() && CODES.containsKey(code.group(1))) {
            String kind = CODES.get(code.group(1));
            // before Redis 6 a wrong password is a plain ERR
            return kind.equals("error") && reply.toLowerCase(Locale.ROOT).contains("invalid password") ? "auth rejected" : kind;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (timeout || lower.contains("timed out")) {
            return "timeout";
        }
        if (lower.contains("connection refused")) {
            return "connection refused";
        }
        if (tls || lower.contains("ssl") || lower.contains("certificate")) {
            return "TLS failed";
        }
        return "error";
    }
}
