package io.cachewatch.serve;

import io.cachewatch.config.CachewatchConfig;
import java.util.List;
import java.util.Optional;

/** One account (and its regions) that serve follows, with the role to assume there if any. */
public record Target(String name, List<String> regions, String roleArn, String externalId) {
    public Target {
        regions = List.copyOf(regions);
    }

    /** {@code cachewatch.targets}, or one "default" target of the given regions with the process's credentials. */
    public static List<Target> from(CachewatchConfig config, List<String> defaultRegions) {
        Optional<List<CachewatchConfig.Target>> configured = config.targets();
        if (configured.isEmpty() || configured.get().isEmpty()) {
            return List.of(new Target("default", defaultRegions, null, null));
        }
        List<Target> targets = configured.get().stream()
                .map(t -> new Target(t.name(), t.regions(), t.roleArn().orElse(null), t.externalId().orElse(null)))
                .toList();
        long distinct = targets.stream().map(Target::name).distinct().count();
        if (distinct != targets.size()) {
            throw new IllegalArgumentException("cachewatch.targets: names must be unique: " + targets.stream().map(Target::name).toList());
        }
        targets.stream().filter(t -> t.regions().isEmpty()).findFirst().ifPresent(t -> {
            throw new IllegalArgumentException("cachewatch.targets: target " + t.name() + " has no regions");
        });
        return targets;
    }
}
