package io.cachewatch.profile;

import java.util.Locale;
import java.util.Map;

/**
 * Chooses a cluster's profile from its tags: {@code cachewatch:ignore=true} (or yes, 1, on) opts out, a value that is
 * neither true nor false is a problem, {@code cachewatch:profile}
 * names a profile explicitly, otherwise the value of the configured tag (default {@code Environment}) is mapped
 * through configuration, otherwise the default profile applies.
 *
 * @param byTagValue tag value → profile name; values match case-insensitively ("Production" and "production")
 */
public record ProfileSelector(String defaultProfile, String tagKey, Map<String, String> byTagValue) {
    public static final String PROFILE_TAG = "cachewatch:profile";
    public static final String IGNORE_TAG = "cachewatch:ignore";
    /** The spellings people write for true and false in a tag value, compared without case. */
    private static final java.util.Set<String> TRUE = java.util.Set.of("true", "yes", "y", "1", "on");
    private static final java.util.Set<String> FALSE = java.util.Set.of("false", "no", "n", "0", "off", "");

    public ProfileSelector {
        byTagValue = byTagValue.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    public ProfileChoice choose(Map<String, String> tags) {
        String ignore = tags.get(IGNORE_TAG);
        if (ignore != null) {
            String value = ignore.trim().toLowerCase(Locale.ROOT);
            if (TRUE.contains(value)) {
                return new ProfileChoice.Ignore("tag " + IGNORE_TAG + "=" + ignore);
            }
            if (!FALSE.contains(value)) {
                // neither opted out nor in: deleting or creating could both be wrong, so the cluster is left as it is
                return new ProfileChoice.Invalid("tag " + IGNORE_TAG + "='" + ignore + "' is neither true (true, yes, y, 1, on)"
                        + " nor false (false, no, n, 0, off)");
            }
        }
        String explicit = tags.get(PROFILE_TAG);
        if (explicit != null && !explicit.isBlank()) {
            return new ProfileChoice.Use(explicit.trim(), "tag " + PROFILE_TAG);
        }
        String value = tags.get(tagKey);
        if (value != null) {
            String mapped = byTagValue.get(value.trim().toLowerCase(Locale.ROOT));
            if (mapped != null) {
                return new ProfileChoice.Use(mapped, "tag " + tagKey + "=" + value);
            }
        }
        return new ProfileChoice.Use(defaultProfile, "default");
    }
}
