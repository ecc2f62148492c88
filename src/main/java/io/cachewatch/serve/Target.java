package io.cachewatch.serve;

import io.cachewatch.config.CachewatchConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One account (and its regions) that serve follows, with the role to assume there if any, how long each assumed
 * session lasts and how long before its expiry it is renewed.
 */
public record Target(String name, List<String> regions, String roleArn, String externalId, Duration sessionDuration,
                     Duration refreshBefore) {
    /** AssumeRole's DurationSeconds range: 15 min to 12 h (the role's own maximum may be lower; STS then refuses). */
    static final Duration MIN_SESSION = Duration.ofMinutes(15);
    static final Duration MAX_SESSION = Duration.ofHours(12);

    public Target {
        regions = List.copyOf(regions);
    }

    /** A target with the default session timing (1 h sessions renewed 5 min before expiry). */
    public Target(String name, List<String> regions, String roleArn, String externalId) {
        this(name, regions, roleArn, externalId, Duration.ofHours(1), Duration.ofMinutes(5));
    }

    /** {@code cachewatch.targets}, or one "default" target of the given regions with the process's credentials. */
    public static List<Target> from(CachewatchConfig config, List<String> defaultRegions) {
        Optional<List<CachewatchConfig.Target>> configured = config.targets();
        if (configured.isEmpty() || configured.get().isEmpty()) {
            return List.of(new Target("default", defaultRegions, null, null));
        }
        List<Target> targets = configured.get().stream()
                .map(t -> new Target(t.name(), t.regions(), t.roleArn().orElse(null), t.externalId().orElse(null),
                        t.sessionDuration(), t.refreshBefore()))
                .toList();
        long distinct = targets.stream().map(Target::name).distinct().count();
        if (distinct != targets.size()) {
            throw new IllegalArgumentException("cachewatch.targets: names must be unique: " + targets.stream().map(Target::name).toList());
        }
        targets.stream().filter(t -> t.regions().isEmpty()).findFirst().ifPresent(t -> {
            throw new IllegalArgumentException("cachewatch.targets: target " + t.name() + " has no regions");
        });
        targets.forEach(Target::checkSession);
        return targets;
    }

    /**
     * When calls must wait for a new session. The SDK renews from {@link #refreshBefore()} on (the calling thread
     * tries, the others go on with the old session) until this point, after which every call waits; it also spreads
     * the first attempt at random over [refreshBefore, staleBefore + 1 min], so keeping the two a minute apart makes
     * the renewal start exactly at refreshBefore and leaves a minute of retries on a failing STS before calls block.
     */
    public Duration staleBefore() {
        Duration minuteLess = refreshBefore.minusMinutes(1);
        Duration half = refreshBefore.dividedBy(2);
        return minuteLess.compareTo(half) > 0 ? minuteLess : half;
    }

    void checkSession() {
        String field = "cachewatch.targets: target " + name + ": ";
        if (sessionDuration.compareTo(MIN_SESSION) < 0 || sessionDuration.compareTo(MAX_SESSION) > 0) {
            throw new IllegalArgumentException(field + "session-duration " + sessionDuration + " is outside AssumeRole's "
                    + MIN_SESSION + " to " + MAX_SESSION);
        }
        if (refreshBefore.isNegative() || refreshBefore.isZero() || refreshBefore.compareTo(sessionDuration) >= 0) {
            throw new IllegalArgumentException(field + "refresh-before " + refreshBefore + " must be above zero and below session-duration "
                    + sessionDuration + " (a new session would be due at once)");
        }
    }
}
