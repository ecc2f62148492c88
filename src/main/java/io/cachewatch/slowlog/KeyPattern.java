package io.cachewatch.slowlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a key name into its pattern, so that a finding names the kind of key and not the person or order it belongs
 * to: UUIDs become {@code {uuid}}, hex ids (8+ hex digits with at least one digit) {@code {hex}}, numbers {@code {n}},
 * segments holding an e-mail address {@code {email}}; {@code user:42:session} → {@code user:{n}:session}. A key the
 * server truncated (Redis 7 and Valkey: {@code "... (N more bytes)"}; older
 * servers without the space) keeps its normalized head and ends in {@code …}.
 */
public final class KeyPattern {
    private static final Pattern TRUNCATED = Pattern.compile("\\.\\.\\. ?\\(\\d+ more bytes\\)$");
    private static final Pattern EMAIL = Pattern.compile("[^:/{}\\s]+@[^:/{}\\s]+");
    private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern HEX = Pattern.compile("(?i)(?<![0-9a-z])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}(?![0-9a-z])");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** Longest pattern forwarded; the server already cuts arguments at 128 bytes. */
    static final int MAX_LENGTH = 160;

    private KeyPattern() {
    }

    public static String of(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        Matcher truncated = TRUNCATED.matcher(key);
        boolean cut = truncated.find();
        String head = cut ? key.substring(0, truncated.start()) : key;
        String p = EMAIL.matcher(head).replaceAll("{email}");
        p = UUID.matcher(p).replaceAll("{uuid}");
        p = HEX.matcher(p).replaceAll("{hex}");
        p = replaceNumbers(p);
        if (p.length() > MAX_LENGTH) {
            p = p.substring(0, MAX_LENGTH);
            cut = true;
        }
        return cut ? p + "…" : p;
    }

    /** Digits become {n}, except inside placeholders already put in ({hex}, {uuid}). */
    private static String replaceNumbers(String p) {
        StringBuilder out = new StringBuilder(p.length());
        Matcher m = NUMBER.matcher(p);
        int last = 0;
        while (m.find()) {
            out.append(p, last, m.start()).append("{n}");
            last = m.end();
        }
        return out.append(p.substring(last)).toString();
    }
}
