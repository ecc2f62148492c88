package io.cachewatch.profile;

import io.cachewatch.alarm.Comparison;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks of a rule's metric against {@link MetricCatalog}: an alarm on a metric nobody publishes never leaves INSUFFICIENT_DATA. */
final class MetricChecks {
    private MetricChecks() {
    }

    /** The metric must exist in the namespace of every kind, and be published for every (kind, engine) the rule covers. */
    static void checkPublished(RuleEntry entry, String namespace, Set<ClusterKind> kinds, Set<Engine> engines, Scope scope,
                               String metric, Collection<ProfileProblem> problems) {
        RuleField at = entry.field("metric");
        for (ClusterKind kind : kinds) {
            String ns = namespace != null ? namespace : kind.namespace();
            Set<String> known = MetricCatalog.namespaceMetrics(ns);
            if (!known.contains(metric)) {
                add(problems, at, "unknown metric '" + metric + "' in " + ns + Suggest.hint(metric, known));
                return;
            }
        }
        if (scope == Scope.NODE && kinds.equals(EnumSet.of(ClusterKind.SERVERLESS))) {
            return; // already reported: serverless caches have no nodes
        }
        List<String> unpublished = new ArrayList<>();
        int existing = 0;
        for (ClusterKind kind : kinds) {
            for (Engine engine : engines) {
                if (!MetricCatalog.exists(kind, engine, scope)) {
                    continue; // e.g. MemoryDB with the Memcached engine: no such resource, nothing to alarm on
                }
                existing++;
                if (!MetricCatalog.publishes(namespace, kind, engine, scope, metric)) {
                    unpublished.add(describe(kind, engine, scope));
                }
            }
        }
        if (existing == 0) {
            add(problems, entry.field("kind"), "rule '" + entry.id() + "' matches no resources: no " + kinds + " cluster runs " + engines);
        } else if (!unpublished.isEmpty()) {
            add(problems, at, "metric '" + metric + "' is not published for " + String.join(", ", unpublished));
        }
    }

    /** A constant threshold outside the metric's range makes an alarm that can never fire. */
    static void checkReachable(RuleEntry entry, String metric, Comparison comparison, Expression threshold,
                               Collection<ProfileProblem> problems) {
        Optional<MetricDefinition> definition = MetricCatalog.definition(metric);
        if (definition.isEmpty() || threshold.evaluate(Map.of()).isEmpty()) {
            return;
        }
        MetricDefinition metricDefinition = definition.get();
        double t = threshold.evaluate(Map.of()).getAsDouble();
        double max = metricDefinition.max();
        boolean never = switch (comparison) {
            case GREATER_THAN -> t >= max;
            case GREATER_THAN_OR_EQUAL -> t > max;
            case LESS_THAN -> metricDefinition.nonNegative() && t <= 0;
            case LESS_THAN_OR_EQUAL -> metricDefinition.nonNegative() && t < 0;
        };
        if (never) {
            String range = metricDefinition.percent() ? "a percentage (0..100)" : "never negative";
            add(problems, entry.field("threshold"), "the alarm can never fire: " + metric + " is " + range
                    + ", so it is never " + comparison.symbol() + " " + threshold.text());
        }
    }

    private static String describe(ClusterKind kind, Engine engine, Scope scope) {
        String what = kind == ClusterKind.SERVERLESS ? "caches" : scope == Scope.NODE ? "nodes" : "clusters";
        return kind.id() + " " + engine.id() + " " + what;
    }

    private static void add(Collection<ProfileProblem> problems, RuleField at, String message) {
        problems.add(at.problem(message));
    }
}
