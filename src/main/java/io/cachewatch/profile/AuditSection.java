package io.cachewatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code audit:} section of profiles: read from one file with every entry located, and resolved along an
 * {@code extends} chain (disables add up; a severity or parameter of the profile itself wins over an inherited one).
 * Values the schema rejected are skipped: it has reported them.
 */
final class AuditSection {
    private AuditSection() {
    }

    /** One file's own section; null when it has none. */
    static AuditPolicy read(JsonNode root, Function<String, SourceLocation> location) {
        JsonNode section = root.get("audit");
        if (section == null || !section.isObject()) {
            return null;
        }
        List<AuditPolicy.Setting> disabled = new ArrayList<>();
        JsonNode disable = section.path("disable");
        for (int i = 0; disable.isArray() && i < disable.size(); i++) {
            if (disable.get(i).isTextual()) {
                String path = YamlTree.child("audit.disable", i);
                disabled.add(new AuditPolicy.Setting(disable.get(i).asText(), null, location.apply(path), path));
            }
        }
        Map<String, AuditPolicy.Setting> severities = new LinkedHashMap<>();
        JsonNode severity = section.path("severity");
        for (Iterator<String> keys = severity.fieldNames(); keys.hasNext(); ) {
            String id = keys.next();
            if (severity.get(id).isTextual()) {
                String path = "audit.severity." + id;
                severities.put(id, new AuditPolicy.Setting(id, severity.get(id).asText(), location.apply(path), path));
            }
        }
        JsonNode days = section.path("backup-retention-days");
        // YamlTree reads integers as longs
        Integer retention = days.isIntegralNumber() && days.canConvertToInt() ? days.asInt() : null;
        List<String> tags = null;
        JsonNode required = section.path("required-tags");
        if (required.isArray()) {
            tags = new ArrayList<>();
            for (JsonNode tag : required) {
                tags.add(tag.asText());
            }
        }
        Map<String, Double> thresholds = new LinkedHashMap<>();
        JsonNode limits = section.path("thresholds");
        for (Iterator<String> keys = limits.fieldNames(); keys.hasNext(); ) {
            String name = keys.next();
            if (limits.get(name).isNumber()) {
                thresholds.put(name, limits.get(name).asDouble());
            }
        }
        return new AuditPolicy(disabled, severities, retention, tags, thresholds);
    }

    /** @param chain the sections of the profile, its parent, and so on (null where a profile has none) */
    static AuditPolicy resolve(List<AuditPolicy> chain) {
        List<AuditPolicy> rootFirst = new ArrayList<>(chain);
        Collections.reverse(rootFirst);
        Map<String, AuditPolicy.Setting> disabled = new LinkedHashMap<>();
        Map<String, AuditPolicy.Setting> severities = new LinkedHashMap<>();
        Integer retention = null;
        List<String> tags = null;
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (AuditPolicy own : rootFirst) {
            if (own == null) {
                continue;
            }
            own.disabled().forEach(s -> disabled.putIfAbsent(s.check(), s));
            severities.putAll(own.severities());
            retention = own.backupRetentionDays() != null ? own.backupRetentionDays() : retention;
            tags = own.requiredTags() != null ? own.requiredTags() : tags;
            thresholds.putAll(own.thresholds());
        }
        return new AuditPolicy(new ArrayList<>(disabled.values()), severities, retention, tags, thresholds);
    }
}
