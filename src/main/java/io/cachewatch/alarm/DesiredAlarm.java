package io.cachewatch.alarm;

import java.util.Map;

/** An alarm the profile wants: its name, its spec, who owns it and the tags it is created with. */
public record DesiredAlarm(String name, AlarmSpec spec, AlarmOwner owner, String severity, Map<String, String> tags) {
    public DesiredAlarm {
        tags = Map.copyOf(tags);
    }
}
