package io.cachewatch.profile;

import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolves {@code extends} chains: inherited rules, overrides merged field by field, {@code disable}. */
final class ProfileResolver {
    private final Map<String, ProfileSource> sources;
    private final Collection<ProfileProblem> problems;
    /** Profiles whose file exists but could not be read; their problems are already reported. */
    private final Set<String> unreadable;
    /** Name to merged rules; a null value marks a profile that cannot be resolved (unknown parent, cycle). */
    private final Map<String, List<RuleEntry>> resolved = new HashMap<>();

    ProfileResolver(Map<String, ProfileSource> sources, Set<String> unreadable, Collection<ProfileProblem> problems) {
        this.sources = sources;
        this.unreadable = unreadable;
        this.problems = problems;
    }

    /** The merged rules of every profile that could be resolved. */
    Map<String, List<RuleEntry>> resolveAll() {
        Map<String, List<RuleEntry>> result = new LinkedHashMap<>();
        for (String name : sources.keySet()) {
            List<RuleEntry> rules = resolve(name, new ArrayList<>());
            if (rules != null) {
                result.put(name, rules);
            }
        }
        return result;
    }

    private List<RuleEntry> resolve(String name, List<String> chain) {
        if (resolved.containsKey(name)) {
            return resolved.get(name);
        }
        ProfileSource source = sources.get(name);
        chain.add(name);
        List<RuleEntry> inherited = List.of();
        String parentName = source.parentName();
        if (parentName != null) {
            if (chain.contains(parentName)) {
                List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(parentName), chain.size()));
                cycle.add(parentName);
                report(source.parent(), "extends cycle: " + String.join(" -> ", cycle));
                inherited = null;
            } else if (unreadable.contains(parentName)) {
                inherited = null;
            } else if (!sources.containsKey(parentName)) {
                report(source.parent(), "unknown profile '" + parentName + "' in extends" + Suggest.hint(parentName, sources.keySet()));
                inherited = null;
            } else {
                inherited = resolve(parentName, chain);
            }
        }
        chain.remove(chain.size() - 1);
        checkOwnDuplicates(source, inherited == null ? Set.of() : ids(inherited));
        List<RuleEntry> merged = inherited == null ? null : merge(source, inherited);
        resolved.put(name, merged);
        return merged;
    }

    private List<RuleEntry> merge(ProfileSource source, List<RuleEntry> inherited) {
        Set<String> inheritedIds = ids(inherited);
        Set<String> disabled = new HashSet<>();
        for (RuleField field : source.disable()) {
            if (!field.valid()) {
                continue;
            }
            String id = field.value().asText();
            if (source.parentName() == null) {
                report(field, "disable needs extends: profile '" + source.name() + "' inherits no rules");
            } else if (!inheritedIds.contains(id)) {
                report(field, "cannot disable '" + id + "': no rule with that id is inherited from '" + source.parentName() + "'"
                        + Suggest.hint(id, inheritedIds));
            } else {
                disabled.add(id);
            }
        }
        List<RuleEntry> result = new ArrayList<>();
        for (RuleEntry rule : inherited) {
            if (!disabled.contains(rule.id())) {
                result.add(rule);
            }
        }
        for (RuleEntry own : source.rules()) {
            if (!inheritedIds.contains(own.id())) {
                result.add(own);
            } else if (disabled.contains(own.id())) {
                report(own, "id", "rule '" + own.id() + "' is both disabled and overridden");
            } else {
                result.replaceAll(rule -> rule.id().equals(own.id()) ? rule.overriddenBy(own) : rule);
            }
        }
        return result;
    }

    /**
     * One file may repeat an id only for rules whose (kind × engine × scope) sets are disjoint, so one resource
     * never gets two alarms with the same name. An inherited id may be overridden once per file.
     */
    private void checkOwnDuplicates(ProfileSource source, Set<String> inheritedIds) {
        Map<String, List<RuleEntry>> byId = new LinkedHashMap<>();
        for (RuleEntry rule : source.rules()) {
            byId.computeIfAbsent(rule.id(), k -> new ArrayList<>()).add(rule);
        }
        for (List<RuleEntry> same : byId.values()) {
            for (int i = 1; i < same.size(); i++) {
                RuleEntry later = same.get(i);
                for (RuleEntry earlier : same.subList(0, i)) {
                    if (inheritedIds.contains(later.id())) {
                        report(later, "id", "duplicate rule id '" + later.id() + "': already overridden at line " + earlier.location().line());
                        break;
                    }
                    Set<String> overlap = targets(earlier);
                    overlap.retainAll(targets(later));
                    if (!overlap.isEmpty()) {
                        report(later, "id", "duplicate rule id '" + later.id() + "': overlaps the rule at line "
                                + earlier.location().line() + " on " + String.join(", ", new java.util.TreeSet<>(overlap)));
                        break;
                    }
                }
            }
        }
    }

    /** The (kind, engine, scope) combinations a rule as written covers; empty when its kind is unknown. */
    private static Set<String> targets(RuleEntry rule) {
        Set<String> targets = new HashSet<>();
        Set<ClusterKind> kinds = RuleBuilder.kinds(rule);
        Set<Engine> engines = RuleBuilder.engines(rule);
        Scope scope = RuleBuilder.scope(rule, kinds);
        if (kinds == null || engines == null || scope == null) {
            return targets;
        }
        for (ClusterKind kind : kinds) {
            for (Engine engine : engines) {
                targets.add(kind.id() + "/" + engine.id() + "/" + scope.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return targets;
    }

    private static Set<String> ids(List<RuleEntry> rules) {
        Set<String> ids = new HashSet<>();
        rules.forEach(rule -> ids.add(rule.id()));
        return ids;
    }

    private void report(RuleEntry rule, String key, String message) {
        problems.add(new ProfileProblem(rule.location().file(), rule.location().line(), YamlTree.child(rule.path(), key), message));
    }

    private void report(RuleField field, String message) {
        problems.add(field.problem(message));
    }
}
