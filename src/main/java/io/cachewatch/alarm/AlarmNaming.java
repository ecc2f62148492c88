package io.cachewatch.alarm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic, unique alarm names under a prefix:
 * {@code <prefix><kind>/<cacheClusterId>/<nodeId>/<rule>} for node alarms and {@code <prefix><kind>/<id>/<rule>} for
 * cluster alarms. Segments are separated by '/', which neither cluster ids nor rule ids may contain, so two different
 * owners never share a name. Names over CloudWatch's 255-character limit keep their head and end in a hash of the
 * whole name.
 */
public record AlarmNaming(String prefix) {
    /** CloudWatch's limit on AlarmName. */
    public static final int MAX_LENGTH = 255;
    private static final int HASH_CHARS = 8;

    public AlarmNaming {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("alarm name prefix must not be empty: it is how cachewatch knows its own alarms");
        }
        if (prefix.length() > 64) {
            throw new IllegalArgumentException("alarm name prefix is longer than 64 characters");
        }
    }

    public String nodeAlarm(String kind, String cacheClusterId, String nodeId, String rule) {
        return fit(prefix + kind + "/" + cacheClusterId + "/" + nodeId + "/" + rule);
    }

    public String clusterAlarm(String kind, String clusterId, String rule) {
        return fit(prefix + kind + "/" + clusterId + "/" + rule);
    }

    public boolean owns(String alarmName) {
        return alarmName.startsWith(prefix);
    }

    static String fit(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        String hash = HexFormat.of().formatHex(sha256(name)).substring(0, HASH_CHARS);
        return name.substring(0, MAX_LENGTH - HASH_CHARS - 1) + "~" + hash;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
