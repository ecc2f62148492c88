package io.cachewatch.alarm;

import io.cachewatch.inventory.Cluster;
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

    public DesiredAlarms(Map<String, AlarmProfile> profiles, ProfileSelector selector, AlarmNaming naming, AlarmActions actions) {
        this.profiles = Map.copyOf(profiles);
        this.selector = selector;
        this.naming = naming;
        this.actions = actions;
    }

    public DesiredState forRegion(RegionInventory region) {
        Collector out = new Collector(region.region());
        for (Cluster cluster : region.clusters()) {
            forCluster(cluster, out);
        }
        return new DesiredState(region.region(), out.alarms, out.skips, out.problems, out.held);
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
        ProfileChoice.Use use = (ProfileChoice.Use) choice;
        AlarmProfile profile = profiles.get(use.profile());
        if (profile == null) {
            out.problem(cluster, "profile '" + use.profile() + "' (chosen by " + use.because() + ") does not exist; known: "
                    + new TreeSet<>(profiles.keySet()));
            return;
        }
        Set<String> ruleIds = profile.rules().stream().map(AlarmRule::id).collect(Collectors.toSet());
        TagOverrides overrides = TagOverrides.read(cluster.tags(), ruleIds);
        if (!overrides.problems().isEmpty()) {
            overrides.problems().forEach(p -> out.problem(cluster, p));
            return;
        }
        List<DesiredAlarm> mine = new ArrayList<>();
        Targets targets = new Targets(cluster);
        for (AlarmRule rule : profile.rules()) {
            if (overrides.disabled().contains(rule.id()) || !matchesCluster(rule.appliesTo(), cluster)) {
                continue;
            }
            var metric = MetricCatalog.definition(rule.metric());
            for (Labeled target : targets.of(rule)) {
                alarmFor(rule, metric, target.target(), target.label(), profile.name(), overrides, out).ifPresent(mine::add);
            }
        }
        out.alarms.addAll(mine);
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
        private List<Labeled> nodes;
        private List<Labeled> replicatedNodes;
        private List<Labeled> wholeCluster;
        private List<Labeled> slowlog;

        Targets(Cluster cluster) {
            this.cluster = cluster;
        }

        List<Labeled> of(AlarmRule rule) {
            Applicability a = rule.appliesTo();
            if (MetricCatalog.SLOWLOG_NAMESPACE.equals(rule.namespace())) {
                if (slowlog == null) {
                    slowlog = List.of(Labeled.of(AlarmTarget.ofSlowlog(cluster)));
                }
                return slowlog;
            }
            if (a.scope() == Scope.CLUSTER) {
                if (wholeCluster == null) {
                    wholeCluster = AlarmTarget.ofCluster(cluster).stream().map(Labeled::of).toList();
                }
                return wholeCluster;
            }
            if (nodes == null) {
                nodes = new ArrayList<>();
                replicatedNodes = new ArrayList<>();
                for (Shard shard : cluster.shards()) {
                    boolean replicated = cluster.hasReplicas(shard);
                    for (var node : shard.nodes()) {
                        Labeled target = Labeled.of(AlarmTarget.ofNode(cluster, shard, node));
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

    /** A target with its label, made once: every alarm of a node has it in its name, owner and tags. */
    private record Labeled(AlarmTarget target, String label) {
        static Labeled of(AlarmTarget target) {
            return new Labeled(target, target.label());
        }
    }

    private java.util.Optional<DesiredAlarm> alarmFor(AlarmRule rule, java.util.Optional<MetricDefinition> range,
                                                      AlarmTarget target, String label, String profile,
                                                      TagOverrides overrides, Collector out) {
        Cluster cluster = target.cluster();
        Expression when = rule.appliesTo().when();
        if (when != null) {
            OptionalDouble applies = when.evaluate(target.facts());
            if (applies.isEmpty()) {
                out.skip(target, rule, "condition '" + when.text() + "' needs " + missing(when, target) + ", unknown for this resource");
                return java.util.Optional.empty();
            }
            if (applies.getAsDouble() == 0) {
                return java.util.Optional.empty();
            }
        }
        double threshold;
        Double override = overrides.thresholds().get(rule.id());
        if (override != null) {
            threshold = override;
        } else {
            OptionalDouble value = rule.threshold().evaluate(target.facts());
            if (value.isEmpty()) {
                out.skip(target, rule, "threshold '" + rule.threshold().text() + "' needs " + missing(rule.threshold(), target)
                        + ", unknown for this resource" + (cluster.limits() != null ? " (no such limit configured)" : " (node type not in the table)"));
                return java.util.Optional.empty();
            }
            threshold = value.getAsDouble();
        }
        // a computed threshold outside the metric's range (0..100 for percentages) could never be crossed
        double computed = threshold;
        if (range.isPresent() && (computed < 0 || computed > range.get().max())) {
            out.skip(target, rule, "threshold " + threshold + " is outside 0.." + (range.get().percent() ? "100 for percentage" : "∞ for")
                    + " metric " + rule.metric());
            return java.util.Optional.empty();
        }
        String node = target.node() == null ? null : label;
        AlarmOwner owner = new AlarmOwner(cluster.region(), cluster.id(), node, rule.id(), profile);
        String name = target.node() == null
                ? naming.clusterAlarm(cluster.kind().id(), label, rule.id())
                : naming.nodeAlarm(cluster.kind().id(), target.node().cacheClusterId(), target.node().id(), rule.id());
        List<String> topics = actions.forSeverity(rule.severity());
        AlarmSpec spec = new AlarmSpec(rule.namespaceFor(cluster.kind()), rule.metric(), target.dimensions(), rule.statistic(),
                rule.period(), rule.evaluationPeriods(), rule.datapointsToAlarm(), rule.comparison(), threshold,
                rule.treatMissingData(), AlarmDescription.render(owner, rule.description()), true, topics, topics);
        Map<String, String> tags = node == null
                ? Map.of("managed-by", "cachewatch", "cluster", cluster.id(), "rule", rule.id(), "profile", profile,
                        "severity", rule.severity())
                : Map.of("managed-by", "cachewatch", "cluster", cluster.id(), "node", node, "rule", rule.id(),
                        "profile", profile, "severity", rule.severity());
        return java.util.Optional.of(new DesiredAlarm(name, spec, owner, rule.severity(), tags));
    }

    private static String missing(Expression expression, AlarmTarget target) {
        return expression.facts().stream().filter(f -> !target.facts().containsKey(f)).sorted().collect(Collectors.joining(", "));
    }

    /** Accumulates one region's results. */
    private static final class Collector {
        final String region;
        final List<DesiredAlarm> alarms = new ArrayList<>();
        final List<Skip> skips = new ArrayList<>();
        final List<ClusterProblem> problems = new ArrayList<>();
        final Set<String> held = new HashSet<>();

        Collector(String region) {
            this.region = region;
        }

        void skip(AlarmTarget target, AlarmRule rule, String reason) {
            skips.add(new Skip(region, target.cluster().id(), target.label(), rule.id(), reason));
        }

        void problem(Cluster cluster, String message) {
            problems.add(new ClusterProblem(region, cluster.id(), message));
            held.add(cluster.id());
        }
    }
}
