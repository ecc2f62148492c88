package io.cachewatch.dashboard;

import static io.cachewatch.dashboard.DashboardFixtures.everyTopology;
import static io.cachewatch.dashboard.DashboardFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cachewatch.Fixtures;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileProblem;
import io.cachewatch.profile.ProfileValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile's {@code dashboard:} choice: precedence under the tag, inheritance, {@code off}, and unknown names. */
class ProfileDashboardChoiceTest {
    /** orders (Redis OSS, production), feed (Valkey), sessions-mc (Memcached), solo, ledger (MemoryDB), carts (serverless). */
    private static final List<Cluster> ALL = everyTopology();

    @TempDir
    Path dir;

    private ProfileCatalog profiles(String defaultYaml, String productionYaml) throws IOException {
        Files.writeString(dir.resolve("default.yaml"), defaultYaml);
        Files.writeString(dir.resolve("production.yaml"), productionYaml);
        return ProfileCatalog.load(dir);
    }

    private static Map<String, String> templates(ProfileCatalog profiles, Cluster... clusters) {
        RenderedRegion rendered = render(DashboardFixtures.renderer(DashboardFixtures.TEMPLATES, DashboardLimits.CLOUDWATCH, profiles), clusters);
        assertThat(rendered.problems()).isEmpty();
        Map<String, String> byCluster = new java.util.TreeMap<>();
        rendered.dashboards().stream().filter(d -> !d.owner().fleet()).forEach(d -> byCluster.put(d.owner().id(), d.template()));
        return byCluster;
    }

    @Test
    void oneNameChoosesTheTemplateOfEveryClusterOfTheProfileAndTheTagStillWins() throws IOException {
        ProfileCatalog profiles = profiles("dashboard: memcached\n", "extends: default\n");
        Cluster tagged = Fixtures.withTags(ALL.get(1), Map.of("cachewatch:dashboard", "redis"));
        assertThat(templates(profiles, ALL.get(0), tagged, ALL.get(4)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("orders", "memcached", "feed", "redis", "ledger", "memcached"));
    }

    @Test
    void aMappingReplacesOnlyTheDefaultsItNamesAndAChildOverridesItsParentKeyByKey() throws IOException {
        ProfileCatalog profiles = profiles("dashboard:\n  redis: memcached\n  memorydb: redis\n",
                "extends: default\ndashboard:\n  redis: off\n");
        // orders is production: its redis entry (off) wins; its memorydb entry is inherited; the rest keep their kind's default
        Cluster ledgerInProduction = Fixtures.withTags(ALL.get(4), Map.of("Environment", "production"));
        assertThat(templates(profiles, ALL.get(0), ALL.get(1), ALL.get(2), ledgerInProduction, ALL.get(5)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("feed", "memcached", "sessions-mc", "memcached", "ledger", "redis",
                        "carts", "serverless"));
    }

    @Test
    void withoutAChoiceEveryClusterGetsItsKindsDefault() throws IOException {
        ProfileCatalog profiles = profiles("description: none\n", "extends: default\n");
        assertThat(templates(profiles, ALL.toArray(Cluster[]::new))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "orders", "redis", "feed", "redis", "sessions-mc", "memcached", "solo", "redis", "ledger", "memorydb", "carts", "serverless"));
    }

    @Test
    void anUnknownTemplateNamedByAProfileIsAProblemAtItsFileLineAndField() throws IOException {
        ProfileCatalog profiles = profiles("description: d\ndashboard: redis\n", "extends: default\ndashboard:\n  memorydb: memorydb\n  redis: redis-compakt\n");
        assertThat(ProfileTemplates.unknown(profiles, DashboardFixtures.TEMPLATES)).extracting(ProfileProblem::toString).containsExactly(
                dir.resolve("production.yaml") + ":4: dashboard.redis: unknown dashboard template 'redis-compakt' (known: memcached, memorydb,"
                        + " redis, serverless, or off)");
        // the region overview is no cluster template
        ProfileCatalog fleet = profiles("dashboard: fleet\n", "extends: default\n");
        assertThat(ProfileTemplates.unknown(fleet, DashboardFixtures.TEMPLATES)).extracting(ProfileProblem::line, ProfileProblem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "dashboard"));
    }

    @Test
    void theSchemaRejectsAKeyThatIsNoKindDefaultAndAValueThatIsNoName() throws IOException {
        Files.writeString(dir.resolve("default.yaml"), "dashboard:\n  valkey: redis\n");
        Files.writeString(dir.resolve("production.yaml"), "extends: default\ndashboard: true\n");
        List<ProfileProblem> problems = catchThrowableOfType(ProfileValidationException.class, () -> ProfileCatalog.load(dir)).problems();
        assertThat(problems).extracting(ProfileProblem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith(dir.resolve("default.yaml") + ":2: dashboard.valkey: unknown key 'valkey'"),
                p -> assertThat(p).isEqualTo(dir.resolve("production.yaml") + ":2: dashboard: dashboard must be a string, not true"));
    }
}
