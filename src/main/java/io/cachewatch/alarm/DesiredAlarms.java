package io.cachewatch.alarm;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.plan.ClusterProblem;
import io.cachewatch.plan.Skip;
import io.cachewatch.profile.Facts;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.inventory.Shard;
import io.cachewatch.profile.AlarmProfile;
import io.cachewatch.profile.AlarmRule;
import io.cachewatch.profile.Applicability;
import io.cachewatch.profile.Expression;
import io.cachewatch.profile.MetricCatalog;
import io.cachewatch.profile.MetricDefinition;
import io.cachewatch.profile.ProfileChoice;
import io.cachewatch.profile.ProfileSelector;
import io.cachewatch.profile.Scope;
import io.cachewatch.profile.TagOverrides;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Desired alarms = inventory × selected profile, with every skipped rule and problem cluster accounted for. */
public final class DesiredAlarms {

    /** A cluster on its way out needs no alarms: they would only report missing data until it disappears. */
    private static final Set<String> GONE = Set.of("deleting", "deleted");

    private final Map<String, AlarmProfile> profiles;
    private final ProfileSelector selector;
    private final AlarmNaming naming;
    private final AlarmActions actions;

    /** Each profile's rules' shared description parts, in the order of its rules. */
    private final Map<String, List<AlarmDescription.RuleText>> ruleTexts = new java.util.HashMap<>();

    public DesiredAlarms(Map<String, AlarmProfile> profiles, ProfileSelector selector, AlarmNaming naming, AlarmActions actions) {
        this.profiles = Map.copyOf(profiles);
        this.selector = selector;
        this.naming = naming;
        this.actions = actions;
        this.profiles.forEach((name, profile) -> ruleTexts.put(name, profile.rules().stream()
                .map(r -> AlarmDescription.ruleText(r.id(), profile.name(), r.description())).toList()));
    }

    public DesiredState forRegion(RegionInventory region) {
        Collector out = new Collector(region.region());
        for (Cluster cluster : region.clusters()) {
            Collector mine = new Collector(region.region());
            forCluster(cluster, mine);
            out.add(cluster, mine);
        }
        return new DesiredState(region, out.alarms, out.skips, out.problems, out.held);
    }

    /** True for a cluster on its way out: it gets nothing new, and what cachewatch made for it goes. */
    public static boolean gone(Cluster cluster) {
        return cluster.status() != null && GONE.contains(cluster.status().toLowerCase(java.util.Locale.ROOT));
    }

    private void forCluster(Cluster cluster, Collector out) {
        if (gone(cluster)) {
            return;
        }
        ProfileChoice choice = selector.choose(cluster.tags());
        if (choice instanceof ProfileChoice.Ignore) {
            return;
        }
        if (choice instanceof ProfileChoice.Invalid invalid) {
            out.problem(cluster, invalid.problem());
            return;
        }
        ProfileChoice.Use use = (ProfileChoice.Use) choice;
        AlarmProfile profile = profiles.get(use.profile());
        if (profile == null) {
            out.problem(cluster, "profile '" + use.profile() + "' (chosen by " + use.because() + ") does not exist; known: "
                    + new TreeSet<>(profiles.keySet()));
            return;
        }
        Set<String> ruleIds = profile.rules().stream().map(AlarmRule::id).collect(Collectors.toSet());
        TagOverrides overrides = TagOverrides.read(cluster.tags(), ruleIds);
        overrides.problems().forEach(p -> out.problem(cluster, p));
        // an override is checked against the rules of its id, whether or not they apply to this cluster (those that
        // do first): one problem per tag
        overrides.thresholds().forEach((id, override) -> profile.rules().stream().filter(r -> r.id().equals(id))
                .sorted(java.util.Comparator.comparing(r -> !matchesCluster(r.appliesTo(), cluster)))
                .map(r -> outOfRange(r, override)).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(why -> out.problem(cluster, "tag " + TagOverrides.thresholdTag(id) + "="
                        + cluster.tags().get(TagOverrides.thresholdTag(id)).trim() + " " + why)));
        if (!out.problems.isEmpty()) {
            return;
        }
        Targets targets = new Targets(cluster);
        ClusterRef ref = cluster.ref();
        String clusterText = AlarmDescription.clusterText(cluster.region(), ref.kind(), ref.id());
        List<AlarmDescription.RuleText> texts = ruleTexts.get(use.profile());
        for (int i = 0; i < profile.rules().size(); i++) {
            AlarmRule rule = profile.rules().get(i);
            if (overrides.disabled().contains(rule.id()) || !matchesCluster(rule.appliesTo(), cluster)) {
                continue;
            }
            // what every alarm of the rule on this cluster shares, worked out once rather than once per target
            RuleOnCluster shared = new RuleOnCluster(rule, ref, profile.name(), rule.namespaceFor(cluster.kind()),
                    actions.forSeverity(rule.severity()), overrides.thresholds().get(rule.id()), MetricCatalog.definition(rule.metric()),
                    texts.get(i), clusterText);
            for (AlarmTarget target : targets.of(rule)) {
                alarmFor(shared, target, out).ifPresent(out.alarms::add);
            }
        }
    }

    /** A rule as it applies to one cluster: its alarms there differ only in their target and computed threshold. */
    private record RuleOnCluster(AlarmRule rule, ClusterRef ref, String profile, String namespace, List<String> topics,
                                 Double override, java.util.Optional<MetricDefinition> range, AlarmDescription.RuleText text,
                                 String clusterText) {
    }

    private static boolean matchesCluster(Applicability a, Cluster cluster) {
        return a.kinds().contains(cluster.kind()) && a.engines().contains(cluster.engine());
    }

    /**
     * A cluster's targets, made once and shared by all its rules: a profile has about a dozen rules per node, and a
     * target carries its dimensions and facts (a plan of 10,000 nodes would otherwise build them 60,000 times).
     */
    private static final class Targets {
        private final Cluster cluster;
        private List<AlarmTarget> nodes;
        private List<AlarmTarget> replicatedNodes;
        private List<AlarmTarget> wholeCluster;
        private List<AlarmTarget> slowlog;

        Targets(Cluster cluster) {
            this.cluster = cluster;
        }

        List<AlarmTarget> of(AlarmRule rule) {
            Applicability a = rule.appliesTo();
            if (MetricCatalog.SLOWLOG_NAMESPACE.equals(rule.namespace())) {
                if (slowlog == null) {
                    slowlog = List.of(AlarmTarget.ofSlowlog(cluster));
                }
                return slowlog;
            }
            if (a.scope() == Scope.CLUSTER) {
                if (wholeCluster == null) {
                    wholeCluster = AlarmTarget.ofCluster(cluster);
                }
                return wholeCluster;
            }
            if (nodes == null) {
                nodes = new ArrayList<>();
                replicatedNodes = new ArrayList<>();
                Map<String, Double> facts = AlarmTarget.clusterFacts(cluster);
                for (Shard shard : cluster.shards()) {
                    boolean replicated = cluster.hasReplicas(shard);
                    for (var node : shard.nodes()) {
                        AlarmTarget target = AlarmTarget.ofNode(cluster, shard, node, facts);
                        nodes.add(target);
                        if (replicated) {
                            replicatedNodes.add(target);
                        }
                    }
                }
            }
            return a.replicatedShardsOnly() ? replicatedNodes : nodes;
        }
    }

    private java.util.Optional<DesiredAlarm> alarmFor(RuleOnCluster shared, AlarmTarget target, Collector out) {
        AlarmRule rule = shared.rule();
        Cluster cluster = target.cluster();
        Expression when = rule.appliesTo().when();
        if (when != null) {
            OptionalDouble applies = evaluate(rule, "when", when, target, out);
            if (applies.isEmpty() || applies.getAsDouble() == 0) {
                return java.util.Optional.empty();
            }
        }
        double threshold;
        if (shared.override() != null) {
            threshold = shared.override(); // checked against the metric's range for the cluster as a whole
        } else {
            OptionalDouble value = evaluate(rule, "threshold", rule.threshold(), target, out);
            if (value.isEmpty()) {
                return java.util.Optional.empty();
            }
            threshold = value.getAsDouble();
            java.util.Optional<String> why = outOfRange(rule, shared.range(), threshold);
            if (why.isPresent()) {
                out.problem(cluster, rule.where("threshold") + ": '" + rule.threshold().text() + "' gives " + AlarmSummary.number(threshold)
                        + " for " + target.label() + ", which " + why.get());
                return java.util.Optional.empty();
            }
        }
        ClusterRef ref = shared.ref();
        String node = target.node() == null ? null : target.label();
        AlarmOwner owner = new AlarmOwner(cluster.region(), ref, node, rule.id(), shared.profile());
        String name = target.node() == null
                ? naming.clusterAlarm(ref.kind(), target.label(), rule.id())
                : naming.nodeAlarm(ref.kind(), target.node().cacheClusterId(), target.node().id(), rule.id());
        AlarmSpec spec = new AlarmSpec(shared.namespace(), rule.metric(), target.dimensions(), rule.statistic(),
                rule.period(), rule.evaluationPeriods(), rule.datapointsToAlarm(), rule.comparison(), threshold,
                rule.treatMissingData(), AlarmDescription.render(shared.text(), shared.clusterText(), owner), true, shared.topics(),
                shared.topics());
        // an immutable map straight away: DesiredAlarm would copy any other into one
        Map<String, String> tags = node == null
                ? Map.of("managed-by", "cachewatch", "cluster", cluster.id(), "rule", rule.id(), "profile", shared.profile(),
                        "severity", rule.severity())
                : Map.of("managed-by", "cachewatch", "cluster", cluster.id(), "node", node, "rule", rule.id(),
                        "profile", shared.profile(), "severity", rule.severity());
        return java.util.Optional.of(new DesiredAlarm(name, spec, owner, rule.severity(), tags));
    }

    /**
     * Why a threshold is outside the rule's metric's range (0..100 for percentages, never negative), where it could
     * never be crossed or always is: the cluster's alarms are then kept as they are rather than replaced by nothing.
     */
    private static java.util.Optional<String> outOfRange(AlarmRule rule, double threshold) {
        return outOfRange(rule, MetricCatalog.definition(rule.metric()), threshold);
    }

    private static java.util.Optional<String> outOfRange(AlarmRule rule, java.util.Optional<MetricDefinition> range, double threshold) {
        if (range.isPresent() && (threshold < 0 || threshold > range.get().max())) {
            return java.util.Optional.of("is outside 0.." + (range.get().percent() ? "100 for percentage" : "∞ for") + " metric "
                    + rule.metric() + " (rule " + rule.id() + ")");
        }
        return java.util.Optional.empty();
    }

    /**
     * The value of a rule's {@code when} or {@code threshold} for a target. Empty when it cannot be had: a fact AWS
     * leaves absent when nothing is configured (a serverless cache without an ECPU limit) skips the rule for the
     * target, and the plan says so; any other missing fact, or a value that is not a number (a division by zero),
     * makes the cluster a problem.
     */
    private static OptionalDouble evaluate(AlarmRule rule, String field, Expression expression, AlarmTarget target, Collector out) {
        OptionalDouble value = expression.evaluate(target.facts());
        if (value.isPresent()) {
            return value;
        }
        List<String> missing = expression.facts().stream().filter(f -> !target.facts().containsKey(f)).sorted().toList();
        String where = rule.where(field) + ": '" + expression.text() + "' (rule " + rule.id() + ")";
        if (missing.isEmpty()) {
            out.problem(target.cluster(), where + " has no numeric value for " + target.label() + " (a division by zero?)");
        } else if (Facts.OPTIONAL.containsAll(missing)) {
            out.skip(target, rule, field + " '" + expression.text() + "' needs " + String.join(", ", missing)
                    + ", which is not configured for this cache");
        } else {
            out.problem(target.cluster(), where + " needs " + String.join(", ", missing) + ", unknown for " + target.label()
                    + (target.cluster().nodeType() == null ? "" : " (node type " + target.cluster().nodeType() + " is not in the node-type table)"));
        }
        return OptionalDouble.empty();
    }

    /** Accumulates one cluster's or one region's results. */
    private static final class Collector {
        final String region;
        final List<DesiredAlarm> alarms = new ArrayList<>();
        final List<Skip> skips = new ArrayList<>();
        final List<ClusterProblem> problems = new ArrayList<>();
        final Set<ClusterRef> held = new HashSet<>();

        Collector(String region) {
            this.region = region;
        }

        void skip(AlarmTarget target, AlarmRule rule, String reason) {
            skips.add(new Skip(region, target.cluster().id(), target.label(), rule.id(), reason));
        }

        void problem(Cluster cluster, String message) {
            ClusterProblem problem = new ClusterProblem(region, cluster.ref(), message);
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
            held.add(cluster.ref());
        }

        /** A cluster's results: all of them, or, when it has a problem, none of its alarms (its existing ones are held). */
        void add(Cluster cluster, Collector mine) {
            problems.addAll(mine.problems);
            held.addAll(mine.held);
            if (mine.problems.isEmpty()) {
                alarms.addAll(mine.alarms);
                skips.addAll(mine.skips);
            }
        }
    }
}
