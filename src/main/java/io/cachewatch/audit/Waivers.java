package io.cachewatch.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster's waivers: tags {@code cachewatch:waive:<check>=<reason>}. The reason is required; an empty one, or a tag
 * naming no check, is a problem of that cluster and waives nothing.
 */
public record Waivers(Map<String, String> reasons, List<String> problems) {
    public static final String PREFIX = "cachewatch:waive:";

    public static Waivers read(Map<String, String> tags) {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        tags.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            String check = key.substring(PREFIX.length());
            if (CheckCatalog.find(check).isEmpty()) {
                problems.add("tag " + key + " names no audit check (known: " + String.join(", ", CheckCatalog.ids()) + ")");
            } else if (value == null || value.isBlank()) {
                problems.add("tag " + key + " has no reason: a waiver must say why");
            } else {
                reasons.put(check, value.trim());
            }
        });
        return new Waivers(Map.copyOf(reasons), List.copyOf(problems));
    }
}
