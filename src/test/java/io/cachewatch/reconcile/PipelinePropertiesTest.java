package io.cachewatch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.alarm.AlarmActions;
import io.cachewatch.alarm.AlarmKind;
import io.cachewatch.alarm.AlarmNaming;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.alarm.InMemoryAlarms;
import io.cachewatch.dashboard.DashboardFixtures;
import io.cachewatch.dashboard.DashboardKind;
import io.cachewatch.dashboard.DashboardRenderer;
import io.cachewatch.dashboard.DashboardLimits;
import io.cachewatch.dashboard.InMemoryDashboards;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.ApplyProgress;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.MassDeleteGuard;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileSelector;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.ReportError;
import io.cachewatch.report.RunMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the whole pipeline over the pure core (desired state, both kinds, the planner and the applier, with
 * stores in memory), for generated fleets of every topology (ids drawn from a small pool, so a replication group and
 * a cache cluster of one id meet often), generated profiles (extending the shipped default with thresholds and rules
 * of their own) and generated tag sets, good and bad.
 */
class PipelinePropertiesTest {
    private static final List<String> RULES = List.of("cpu-high", "memory-high", "swap-high", "evictions", "connections-high",
            "replication-lag");
    /** Tags no cluster may carry without becoming a problem cluster, each a way users get it wrong. */
    private static final List<Map<String, String>> BAD_TAGS = List.of(
            Map.of("cachewatch:memory-high.threshold", "150"),
            Map.of("cachewatch:cpu-high.threshold", "-5"),
            Map.of("cachewatch:cpu-high.threshold", "ninety"),
            Map.of("cachewatch:cpu-high.threshold", "NaN"),
            Map.of("cachewatch:cpu-hihg.threshold", "80"),
            Map.of("cachewatch:evictions", "maybe"),
            Map.of("cachewatch:no-such-rule", "off"),
            Map.of("cachewatch:ignore", "maybe"),
            Map.of("cachewatch:ignore", "tru"),
            Map.of("cachewatch:profile", "gold"));

    /** A generated profile directory: the shipped profiles and one generated {@code gen} that extends default. */
    record Profiles(Path dir, Map<String, Double> thresholds, Set<String> disabled) {
        ProfileCatalog catalog() {
            return ProfileCatalog.load(dir);
        }
    }

    /** One cluster as generated: its topology and id, before tags. */
    record Shape(int topology, String id, int a, int b) {
        Cluster build(Map<String, String> tags) {
            Cluster c = switch (topology) {
                case 0 -> Fixtures.redisReplicationGroup(id, a % 3, Map.of());
                case 1 -> Fixtures.valkeyClusterMode(id, 1 + a % 3, b % 2);
                case 2 -> Fixtures.memcached(id, 1 + a % 3);
                case 3 -> Fixtures.redisSingleNode(id, "cache.t4g.small", 2);
                case 4 -> Fixtures.memoryDb(id, 1 + a % 2, b % 2);
                default -> Fixtures.serverless(id, a % 2 == 0 ? null : 1_000L * (1 + b), b % 2 == 0 ? null : 1L << 30);
            };
            return DashboardFixtures.withArn(Fixtures.withTags(c, tags));
        }
    }

    @Provide
    Arbitrary<List<Shape>> shapes() {
        Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.of("orders", "feed", "ledger", "a", "b-1"),
                Arbitraries.strings().withChars("abcdefghij-0123456789").ofMinLength(1).ofMaxLength(120)
                        .filter(s -> Character.isLetter(s.charAt(0)) && !s.contains("--") && !s.endsWith("-")));
        Arbitrary<Shape> shape = Combinators.combine(Arbitraries.integers().between(0, 5), ids,
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 5)).as(Shape::new);
        // AWS keeps one id per kind: a generated fleet has each identity once
        return shape.list().ofMinSize(1).ofMaxSize(6).map(list -> {
            Map<String, Shape> unique = new LinkedHashMap<>();
            list.forEach(s -> unique.putIfAbsent(s.build(Map.of()).ref().toString(), s));
            return List.copyOf(unique.values());
        });
    }

    /** Tags that are all fine: a profile choice, in-range thresholds, rules off, an explicit "not ignored". */
    @Provide
    Arbitrary<Map<String, String>> goodTags() {
        Arbitrary<Map<String, String>> one = Arbitraries.oneOf(
                Arbitraries.of("production", "development", "prod").map(v -> Map.of("Environment", v)),
                Arbitraries.of("gen", "default").map(v -> Map.of("cachewatch:profile", v)),
                Combinators.combine(Arbitraries.of("cpu-high", "memory-high"), Arbitraries.integers().between(1, 99))
                        .as((rule, t) -> Map.of("cachewatch:" + rule + ".threshold", Integer.toString(t))),
                Arbitraries.of("false", "no", "0", "off").map(v -> Map.of("cachewatch:ignore", v)),
                Arbitraries.just(Map.<String, String>of()));
        return one.list().ofMaxSize(2).map(PipelinePropertiesTest::merge);
    }

    @Provide
    Arbitrary<Map<String, String>> badTags() {
        return Arbitraries.of(BAD_TAGS);
    }

    @Provide
    Arbitrary<Profiles> profiles() {
        return Combinators.combine(
                Arbitraries.maps(Arbitraries.of("cpu-high", "memory-high", "connections-high"), Arbitraries.integers().between(1, 99))
                        .ofMaxSize(3),
                Arbitraries.subsetOf(RULES).ofMaxSize(2)).as(PipelinePropertiesTest::writeProfiles);
    }

    private static Profiles writeProfiles(Map<String, Integer> thresholds, Set<String> disabled) {
        try {
            Path dir = Files.createTempDirectory("profiles");
            for (String shipped : List.of("default.yaml", "production.yaml", "development.yaml")) {
                Files.copy(Path.of("alarm-profiles", shipped), dir.resolve(shipped));
            }
            StringBuilder yaml = new StringBuilder("description: generated\nextends: default\n");
            if (!disabled.isEmpty()) {
                yaml.append("disable: [").append(String.join(", ", disabled)).append("]\n");
            }
            Map<String, Double> overridden = new TreeMap<>();
            thresholds.forEach((rule, t) -> {
                if (!disabled.contains(rule)) {
                    overridden.put(rule, t.doubleValue());
                }
            });
            if (!overridden.isEmpty()) {
                yaml.append("rules:\n");
                overridden.forEach((rule, t) -> yaml.append("  - id: ").append(rule).append("\n    threshold: ").append(t.intValue()).append('\n'));
            }
            Files.writeString(dir.resolve("gen.yaml"), yaml);
            dir.toFile().deleteOnExit();
            return new Profiles(dir, overridden, disabled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> merge(List<Map<String, String>> maps) {
        Map<String, String> merged = new HashMap<>();
        maps.forEach(merged::putAll);
        return merged;
    }

    /** The pipeline of a run, with stores in memory that outlive it. */
    private static final class World {
        final InMemoryAlarms alarms = new InMemoryAlarms();
        final InMemoryDashboards dashboards = new InMemoryDashboards();
        final DesiredAlarms desired;
        final DashboardRenderer renderer;

        World(ProfileCatalog catalog) {
            ProfileSelector selector = new ProfileSelector("default", "Environment", Map.of("production", "production", "prod", "production",
                    "development", "development"));
            desired = new DesiredAlarms(catalog.profiles(), selector, new AlarmNaming("cachewatch-"), AlarmActions.NONE);
            Map<String, io.cachewatch.profile.DashboardChoice> choices = new HashMap<>();
            catalog.profiles().forEach((name, profile) -> choices.put(name, profile.dashboard()));
            renderer = new DashboardRenderer(DashboardFixtures.TEMPLATES, DashboardFixtures.NAMING, selector, choices, "",
                    DashboardLimits.CLOUDWATCH);
        }

        ReconcileReport run(List<Cluster> clusters, RunMode mode) {
            List<Reconciler.Registered<DesiredState, ?, ?, ?>> kinds = List.of(
                    new Reconciler.Registered<>(new AlarmKind(new AlarmNaming("cachewatch-")), region -> alarms),
                    new Reconciler.Registered<>(new DashboardKind(renderer, DashboardFixtures.NAMING), region -> dashboards));
            Reconciler<DesiredState> reconciler = new Reconciler<>(desired::forRegion, kinds, new MassDeleteGuard(1), ApplyProgress.NONE, () -> false);
            ReconcileReport report = reconciler.run(new Fleet(List.of(new RegionInventory(Fixtures.REGION, clusters, List.of()))),
                    new Reconciler.Options(mode, true), TreeMap::new);
            assertThat(report.failed()).as("failed writes").isZero();
            return report;
        }
    }

    private static List<Cluster> build(List<Shape> shapes, List<Map<String, String>> tags) {
        List<Cluster> clusters = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            clusters.add(shapes.get(i).build(tags.get(i % tags.size())));
        }
        return clusters;
    }

    private static List<Change<?>> changes(ReconcileReport report) {
        return report.plans().stream().<Change<?>>flatMap(p -> p.changes().stream()).toList();
    }

    private static boolean optedOut(Cluster c) {
        return Set.of("true", "yes", "y", "1", "on").contains(c.tags().getOrDefault("cachewatch:ignore", "").trim().toLowerCase());
    }

    /**
     * After a run, a fleet changes: clusters go, opt out, get a bad tag or an in-range threshold. Deletes happen only
     * for clusters that are gone or opted out; a cluster that is present and not opted out loses nothing.
     */
    @Property(tries = 60)
    void noDeleteOfAClusterThatIsPresentAndNotOptedOut(@ForAll("shapes") List<Shape> shapes, @ForAll("profiles") Profiles profiles,
                                                       @ForAll("goodTags") Map<String, String> tags, @ForAll("badTags") Map<String, String> bad,
                                                       @ForAll @IntRange(min = 0, max = 3) int change) {
        World world = new World(profiles.catalog());
        List<Cluster> first = build(shapes, List.of(tags));
        world.run(first, RunMode.APPLY);

        List<Cluster> second = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            Cluster c = first.get(i);
            Map<String, String> next = new HashMap<>(c.tags());
            switch ((i + change) % 4) {
                case 0 -> {
                    continue; // gone
                }
                case 1 -> next.put("cachewatch:ignore", "yes");
                case 2 -> next.putAll(bad);
                default -> next.put("cachewatch:cpu-high.threshold", "42");
            }
            second.add(Fixtures.withTags(c, next));
        }
        ReconcileReport report = world.run(second, RunMode.DRY_RUN);
        Set<ClusterRef> protectedClusters = new HashSet<>();
        second.stream().filter(c -> !optedOut(c)).forEach(c -> protectedClusters.add(c.ref()));
        assertThat(changes(report)).filteredOn(c -> c.action() == Action.DELETE)
                .allSatisfy(c -> assertThat(protectedClusters).as(c.name()).doesNotContain(c.cluster()));
    }

    /** Every bad tag makes its cluster a problem named in the errors, and nothing of that cluster changes. */
    @Property(tries = 60)
    void everyBadTagYieldsAnErrorAndNoChangeForItsCluster(@ForAll("shapes") List<Shape> shapes, @ForAll("profiles") Profiles profiles,
                                                         @ForAll("goodTags") Map<String, String> tags, @ForAll("badTags") Map<String, String> bad,
                                                         @ForAll @IntRange(min = 0, max = 5) int which) {
        World world = new World(profiles.catalog());
        List<Cluster> clusters = new ArrayList<>(build(shapes, List.of(tags)));
        world.run(clusters, RunMode.APPLY);
        int index = which % clusters.size();
        Cluster victim = clusters.get(index);
        Map<String, String> broken = new HashMap<>(victim.tags());
        broken.remove("cachewatch:ignore"); // a bad tag of an opted-out cluster still makes it a problem, tested below
        broken.putAll(bad);
        clusters.set(index, Fixtures.withTags(victim, broken));

        ReconcileReport report = world.run(clusters, RunMode.APPLY);
        assertThat(report.allErrors()).extracting(ReportError::cluster).contains(victim.id());
        assertThat(report.exitCode()).isEqualTo(ReconcileReport.EXIT_ERRORS);
        assertThat(changes(report)).noneMatch(c -> victim.ref().equals(c.cluster()));
    }

    /** Applying a plan and planning again finds nothing to do, whatever the fleet, profile and tags (bad ones included). */
    @Property(tries = 60)
    void thePlanOfAPlansResultIsEmpty(@ForAll("shapes") List<Shape> shapes, @ForAll("profiles") Profiles profiles,
                                      @ForAll("goodTags") Map<String, String> tags, @ForAll("badTags") Map<String, String> bad,
                                      @ForAll boolean withBad) {
        World world = new World(profiles.catalog());
        List<Map<String, String>> tagSets = withBad ? List.of(tags, merge(List.of(tags, bad))) : List.of(tags);
        List<Cluster> clusters = build(shapes, tagSets);
        world.run(clusters, RunMode.APPLY);
        ReconcileReport again = world.run(clusters, RunMode.CHECK);
        assertThat(changes(again)).isEmpty();
        assertThat(again.exitCode()).isIn(ReconcileReport.EXIT_OK, ReconcileReport.EXIT_ERRORS);
    }

    /** Names are unique and fit CloudWatch's 255 characters; no name is ever wanted twice. */
    @Property(tries = 100)
    void namesAreUniqueAndFit(@ForAll("shapes") List<Shape> shapes, @ForAll("goodTags") Map<String, String> tags) {
        World world = new World(DashboardFixtures.CATALOG);
        List<Cluster> clusters = build(shapes, List.of(tags));
        ReconcileReport report = world.run(clusters, RunMode.DRY_RUN);
        assertThat(report.allErrors()).noneMatch(e -> e.message().contains("wanted twice"));
        for (String kind : List.of("alarm", "dashboard")) {
            List<String> names = changes(report).stream().filter(c -> c.kind().equals(kind)).map(Change::name).toList();
            assertThat(names).as(kind).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).hasSizeLessThanOrEqualTo(255));
        }
    }
}
