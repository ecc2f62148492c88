package io.cachewatch.profile;

import java.nio.file.Path;
import java.util.List;

/**
 * One profile file as written, before {@code extends} is resolved.
 *
 * @param parent  the {@code extends} field, or null
 * @param disable   the entries of {@code disable}
 * @param dashboard the {@code dashboard} field when it is one template name, else one field per entry of its mapping
 * @param audit     the profile's own {@code audit} section, unresolved; null when it has none
 */
record ProfileSource(String name, Path file, String description, RuleField parent, List<RuleEntry> rules,
                     List<RuleField> disable, List<RuleField> dashboard, AuditPolicy audit) {
    ProfileSource {
        rules = List.copyOf(rules);
        disable = List.copyOf(disable);
        dashboard = List.copyOf(dashboard);
    }

    String parentName() {
        return parent == null || !parent.valid() ? null : parent.value().asText();
    }
}
