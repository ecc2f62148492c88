package io.cachewatch.profile;

import java.util.List;

/**
 * A resolved profile: its own rules merged over those of the profile it extends.
 *
 * @param dashboard the dashboard templates it names, its own before inherited ones
 */
public record AlarmProfile(String name, String description, List<AlarmRule> rules, DashboardChoice dashboard) {
    public AlarmProfile {
        rules = List.copyOf(rules);
    }
}
