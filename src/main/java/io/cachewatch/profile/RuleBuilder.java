package io.cachewatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachewatch.alarm.Comparison;
import io.cachewatch.alarm.StandardStatistic;
import io.cachewatch.alarm.TreatMissingData;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Interprets a resolved {@link RuleEntry}: applies defaults, checks the semantics the schema cannot
 * express (metrics per resource kind, thresholds that can never be crossed, CloudWatch limits) and builds the
 * {@link AlarmRule}. Each problem is reported where the offending field was written.
 */
final class RuleBuilder {
    static final List<String> REQUIRED = List.of("kind", "metric", "comparison", "threshold", "severity");
    static final int DEFAULT_PERIOD = 60;
    static final int DEFAULT_EVALUATION_PERIODS = 5;
    /** CloudWatch: period × evaluation periods must not exceed one day. */
    static final int MAX_EVALUATION_SECONDS = 86_400;

    private final RuleEntry entry;
    private final Collection<ProfileProblem> problems;
    private boolean broken;

    private RuleBuilder(RuleEntry entry, Collection<ProfileProblem> problems) {
        this.entry = entry;
        this.problems = problems;
    }

    /** The rule, or null when it is incomplete or has a field that cannot be interpreted. */
    static AlarmRule build(RuleEntry entry, Collection<ProfileProblem> problems) {
        return new RuleBuilder(entry, problems).build();
    }

    private AlarmRule build() {
        for (String key : REQUIRED) {
            if (entry.field(key) == null) {
                problems.add(new ProfileProblem(entry.location().file(), entry.location().line(), YamlTree.child(entry.path(), key),
                        "rule '" + entry.id() + "' is missing required field '" + key + "'"));
                broken = true;
            }
        }
        Set<ClusterKind> kinds = kinds(entry);
        Set<Engine> engines = engines(entry);
        Scope scope = scope(entry, kinds);
        if (kinds != null && scope == Scope.NODE && kinds.contains(ClusterKind.SERVERLESS)) {
            report(entry.field("scope") != null ? entry.field("scope") : entry.field("kind"),
                    "serverless caches have no nodes: use scope: cluster or a separate rule for serverless");
        }
        // the schema admits only cachewatch/SlowLog (an AWS namespace follows from the kind)
        String namespace = text("namespace", null);
        boolean namespaceFits = namespace == null || scope != Scope.NODE;
        if (!namespaceFits) {
            report(entry.field("scope") != null ? entry.field("scope") : entry.field("namespace"),
                    namespace + " metrics are published per cluster: use scope: cluster");
        }
        boolean replicatedOnly = valid("replicated-shards-only") && entry.field("replicated-shards-only").value().asBoolean();
        Expression when = expression("when");
        String metric = text("metric", null);
        String statistic = statistic();
        int period = period();
        int evaluationPeriods = integer("evaluation-periods", DEFAULT_EVALUATION_PERIODS);
        int datapoints = integer("datapoints-to-alarm", evaluationPeriods);
        if (datapoints > evaluationPeriods) {
            report(entry.field("datapoints-to-alarm"), "datapoints-to-alarm " + datapoints + " exceeds evaluation-periods " + evaluationPeriods);
        }
        if ((long) period * evaluationPeriods > MAX_EVALUATION_SECONDS) {
            RuleField at = entry.field("evaluation-periods") != null ? entry.field("evaluation-periods") : entry.field("period");
            report(at, "period × evaluation-periods = " + (long) period * evaluationPeriods
                    + " s exceeds CloudWatch's limit of " + MAX_EVALUATION_SECONDS + " s (one day)");
        }
        Comparison comparison = valid("comparison") ? Comparison.parse(entry.field("comparison").value().asText()) : null;
        Expression threshold = threshold();
        TreatMissingData missing = valid("treat-missing-data")
                ? TreatMissingData.parse(entry.field("treat-missing-data").value().asText()) : TreatMissingData.missing;
        String severity = text("severity", null);
        if (kinds != null && engines != null && scope != null && metric != null && namespaceFits) {
            MetricChecks.checkPublished(entry, namespace, kinds, engines, scope, metric, problems);
        }
        if (metric != null && comparison != null && threshold != null && threshold.constant()) {
            MetricChecks.checkReachable(entry, metric, comparison, threshold, problems);
        }
        if (broken || kinds == null || engines == null || scope == null || metric == null || comparison == null
                || threshold == null || severity == null || missing == null) {
            return null;
        }
        return new AlarmRule(entry.id(), new Applicability(kinds, engines, scope, replicatedOnly, when), metric, statistic,
                period, evaluationPeriods, datapoints, comparison, threshold, missing, severity,
                text("description", null), entry.lastWritten(), namespace, locations());
    }

    private java.util.Map<String, SourceLocation> locations() {
        java.util.Map<String, SourceLocation> at = new java.util.HashMap<>();
        entry.fields().forEach((key, field) -> at.put(key, field.location()));
        return at;
    }

    /** Kinds of a rule, or null when absent or rejected. */
    static Set<ClusterKind> kinds(RuleEntry entry) {
        RuleField field = entry.field("kind");
        if (field == null || !field.valid()) {
            return null;
        }
        Set<ClusterKind> kinds = EnumSet.noneOf(ClusterKind.class);
        for (String id : values(field.value())) {
            kinds.add(ClusterKind.fromId(id));
        }
        return kinds;
    }

    /** Engines of a rule (all when absent), or null when rejected. */
    static Set<Engine> engines(RuleEntry entry) {
        RuleField field = entry.field("engine");
        if (field == null) {
            return EnumSet.allOf(Engine.class);
        }
        if (!field.valid()) {
            return null;
        }
        Set<Engine> engines = EnumSet.noneOf(Engine.class);
        for (String id : values(field.value())) {
            engines.add(Engine.fromId(id));
        }
        return engines;
    }

    /** Scope as written, else cluster for serverless-only rules (they have no nodes), else node. */
    static Scope scope(RuleEntry entry, Set<ClusterKind> kinds) {
        RuleField field = entry.field("scope");
        if (field != null) {
            return field.valid() ? Scope.valueOf(field.value().asText().toUpperCase(java.util.Locale.ROOT)) : null;
        }
        return kinds != null && kinds.equals(EnumSet.of(ClusterKind.SERVERLESS)) ? Scope.CLUSTER : Scope.NODE;
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    private String statistic() {
        String statistic = text("statistic", "Average");
        if (!StandardStatistic.isValid(statistic)) {
            report(entry.field("statistic"), "unknown statistic '" + statistic + "'"
                    + Suggest.hint(statistic, List.of("Average", "Sum", "Minimum", "Maximum", "SampleCount"))
                    + "; use Average, Sum, Minimum, Maximum, SampleCount or a percentile such as p99");
        }
        return statistic;
    }

    /** CloudWatch accepts 10 and 30 s (high-resolution) or multiples of 60 s. */
    private int period() {
        int period = integer("period", DEFAULT_PERIOD);
        if (period != 10 && period != 30 && period % 60 != 0) {
            report(entry.field("period"), "period " + period + " s is not allowed: use 10, 30 or a multiple of 60");
        }
        return period;
    }

    private Expression threshold() {
        RuleField field = entry.field("threshold");
        if (field == null || !field.valid()) {
            return null;
        }
        return field.value().isNumber() ? Expressions.constant(field.value().doubleValue()) : expression("threshold");
    }

    private Expression expression(String key) {
        if (!valid(key)) {
            return null;
        }
        RuleField field = entry.field(key);
        try {
            return Expressions.parse(field.value().asText());
        } catch (ExpressionException e) {
            report(field, "invalid expression '" + field.value().asText() + "': " + e.getMessage());
            return null;
        }
    }

    private boolean valid(String key) {
        RuleField field = entry.field(key);
        return field != null && field.valid();
    }

    private String text(String key, String fallback) {
        return valid(key) ? entry.field(key).value().asText() : fallback;
    }

    private int integer(String key, int fallback) {
        return valid(key) ? entry.field(key).value().asInt() : fallback;
    }

    private void report(RuleField field, String message) {
        broken = true;
        problems.add(field.problem(message));
    }
}
