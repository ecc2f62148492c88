package io.cachewatch.alarm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fitting generated names under an AWS length limit without losing uniqueness. */
public final class Names {
    private static final int HASH_CHARS = 8;

    private Names() {
    }

    /**
     * The name itself when it fits; otherwise its head, the marker and a hash of the whole name, so that two long names
     * that share a head still differ.
     */
    public static String fit(String name, int maxLength, char marker) {
        if (name.length() <= maxLength) {
            return name;
        }
        String hash = HexFormat.of().formatHex(sha256(name)).substring(0, HASH_CHARS);
        return name.substring(0, maxLength - HASH_CHARS - 1) + marker + hash;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
