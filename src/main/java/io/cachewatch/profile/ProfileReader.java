package io.cachewatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a schema-checked YAML tree into a {@link ProfileSource}, marking the fields the schema rejected. */
final class ProfileReader {
    private final Path file;
    private final YamlTree tree;
    private final Set<String> rejectedPaths;

    ProfileReader(Path file, YamlTree tree, Set<String> rejectedPaths) {
        this.file = file;
        this.tree = tree;
        this.rejectedPaths = rejectedPaths;
    }

    ProfileSource read(String name) {
        JsonNode root = tree.root();
        RuleField description = field(root, "", "description");
        RuleField parent = field(root, "", "extends");
        List<RuleField> disable = new ArrayList<>();
        RuleField disableList = field(root, "", "disable");
        if (disableList != null && disableList.valid()) {
            for (int i = 0; i < disableList.value().size(); i++) {
                disable.add(element(disableList.value().get(i), YamlTree.child("disable", i)));
            }
        }
        List<RuleField> dashboard = new ArrayList<>();
        RuleField chosen = field(root, "", "dashboard");
        if (chosen != null && chosen.value().isObject()) {
            chosen.value().fieldNames().forEachRemaining(key -> dashboard.add(field(chosen.value(), "dashboard", key)));
        } else if (chosen != null) {
            dashboard.add(chosen);
        }
        List<RuleEntry> rules = new ArrayList<>();
        JsonNode ruleList = root.path("rules");
        for (int i = 0; ruleList.isArray() && i < ruleList.size(); i++) {
            String path = YamlTree.child("rules", i);
            JsonNode rule = ruleList.get(i);
            RuleField id = field(rule, path, "id");
            if (!rule.isObject() || id == null || !id.valid() || rejectedPaths.contains(path)) {
                continue; // the schema has said what is wrong; without an id the rule cannot take part in anything else
            }
            Map<String, RuleField> fields = new LinkedHashMap<>();
            for (Iterator<String> keys = rule.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!key.equals("id")) {
                    fields.put(key, field(rule, path, key));
                }
            }
            SourceLocation at = location(path);
            rules.add(new RuleEntry(id.value().asText(), path, at, at, fields));
        }
        String text = description != null && description.valid() ? description.value().asText() : null;
        return new ProfileSource(name, file, text, parent, rules, disable, dashboard, AuditSection.read(root, this::location));
    }

    private RuleField field(JsonNode object, String objectPath, String key) {
        JsonNode value = object.get(key);
        return value == null ? null : element(value, YamlTree.child(objectPath, key));
    }

    private RuleField element(JsonNode value, String path) {
        return new RuleField(value, location(path), path, !value.isNull() && !rejected(path));
    }

    private SourceLocation location(String path) {
        return new SourceLocation(file, tree.line(path));
    }

    private boolean rejected(String path) {
        for (String bad : rejectedPaths) {
            if (bad.equals(path) || bad.startsWith(path + ".") || bad.startsWith(path + "[")) {
                return true;
            }
        }
        return false;
    }
}
