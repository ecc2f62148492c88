package io.cachewatch.profile;

import java.util.List;

/** A resolved profile: its own rules merged over those of the profile it extends. */
public record AlarmProfile(String name, String description, List<AlarmRule> rules) {
    public AlarmProfile {
        rules = List.copyOf(rules);
    }
}
