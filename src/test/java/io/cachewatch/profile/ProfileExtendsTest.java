package io.cachewatch.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cachewatch.inventory.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends}: inheritance, partial overrides, {@code disable}, chains and cycles. */
class ProfileExtendsTest {
    /** Two cpu-high rules (Redis-like at line 2, Memcached at line 9) and a swap rule at line 16. */
    private static final String BASE = """
            rules:
              - id: cpu-high
                kind: elasticache
                engine: [redis, valkey]
                metric: EngineCPUUtilization
                comparison: ">"
                threshold: 80
                severity: critical
              - id: cpu-high
                kind: elasticache
                engine: memcached
                metric: CPUUtilization
                comparison: ">"
                threshold: 80
                severity: critical
              - id: swap-high
                kind: elasticache
                metric: SwapUsage
                comparison: ">"
                threshold: 50 * MiB
                severity: warning
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return ProfileDir.write(dir, name, text);
    }

    private List<ProfileProblem> problems() {
        return ProfileDir.problems(dir);
    }

    @Test
    void overrideMergesOverEveryInheritedRuleWithThatId() throws IOException {
        write("base.yaml", BASE);
        Path child = write("child.yaml", "description: tighter\nextends: base\nrules:\n  - id: cpu-high\n    threshold: 70\n    evaluation-periods: 10\n");
        AlarmProfile profile = ProfileCatalog.load(dir).get("child");
        assertThat(profile.description()).isEqualTo("tighter");
        assertThat(profile.rules()).extracting(AlarmRule::id, AlarmRule::metric, r -> r.threshold().text(), AlarmRule::evaluationPeriods,
                        AlarmRule::datapointsToAlarm, AlarmRule::severity, AlarmRule::location)
                .containsExactly(
                        tuple("cpu-high", "EngineCPUUtilization", "70", 10, 10, "critical", new SourceLocation(child, 4)),
                        tuple("cpu-high", "CPUUtilization", "70", 10, 10, "critical", new SourceLocation(child, 4)),
                        tuple("swap-high", "SwapUsage", "50 * MiB", 5, 5, "warning", new SourceLocation(dir.resolve("base.yaml"), 16)));
        assertThat(profile.rules().get(1).appliesTo().engines()).containsExactly(Engine.MEMCACHED);
        assertThat(ProfileCatalog.load(dir).get("base").rules().get(0).threshold().text()).isEqualTo("80");
    }

    @Test
    void disableRemovesInheritedRulesAndNewRulesAreAppended() throws IOException {
        write("base.yaml", BASE);
        write("child.yaml", """
                extends: base
                disable: [swap-high]
                rules:
                  - id: memory-low
                    kind: elasticache
                    engine: memcached
                    metric: FreeableMemory
                    comparison: "<"
                    threshold: 100 * MiB
                    severity: critical
                """);
        assertThat(ProfileCatalog.load(dir).get("child").rules()).extracting(AlarmRule::id)
                .containsExactly("cpu-high", "cpu-high", "memory-low");
    }

    @Test
    void chainsResolveThroughEveryLevel() throws IOException {
        write("base.yaml", BASE);
        write("mid.yaml", "extends: base\nrules:\n  - id: cpu-high\n    threshold: 70\n");
        write("leaf.yaml", "extends: mid\ndisable: [swap-high]\nrules:\n  - id: cpu-high\n    severity: warning\n");
        AlarmProfile leaf = ProfileCatalog.load(dir).get("leaf");
        assertThat(leaf.rules()).extracting(r -> r.threshold().text(), AlarmRule::severity)
                .containsExactly(tuple("70", "warning"), tuple("70", "warning"));
    }

    @Test
    void newRuleInChildMustBeComplete() throws IOException {
        write("base.yaml", BASE);
        Path child = write("child.yaml", "extends: base\nrules:\n  - id: cpu-hihg\n    threshold: 70\n");
        assertThat(problems()).containsExactly(
                new ProfileProblem(child, 3, "rules[0].kind", "rule 'cpu-hihg' is missing required field 'kind'"),
                new ProfileProblem(child, 3, "rules[0].metric", "rule 'cpu-hihg' is missing required field 'metric'"),
                new ProfileProblem(child, 3, "rules[0].comparison", "rule 'cpu-hihg' is missing required field 'comparison'"),
                new ProfileProblem(child, 3, "rules[0].severity", "rule 'cpu-hihg' is missing required field 'severity'"));
    }

    @Test
    void overrideIsCheckedWhereItIsWritten() throws IOException {
        write("base.yaml", BASE);
        Path child = write("child.yaml", "extends: base\nrules:\n  - id: cpu-high\n    threshold: 100\n");
        assertThat(problems()).containsExactly(
                new ProfileProblem(child, 4, "rules[0].threshold",
                        "the alarm can never fire: EngineCPUUtilization is a percentage (0..100), so it is never > 100"),
                new ProfileProblem(child, 4, "rules[0].threshold",
                        "the alarm can never fire: CPUUtilization is a percentage (0..100), so it is never > 100"));
    }

    @Test
    void disablingAnUnknownIdIsAnError() throws IOException {
        write("base.yaml", BASE);
        Path child = write("child.yaml", "extends: base\ndisable:\n  - swap-hi\n");
        assertThat(problems()).containsExactly(new ProfileProblem(child, 3, "disable[0]",
                "cannot disable 'swap-hi': no rule with that id is inherited from 'base' (did you mean 'swap-high'?)"));
    }

    @Test
    void disableWithoutExtendsIsAnError() throws IOException {
        Path file = write("base.yaml", BASE + "disable: [cpu-high]\n");
        assertThat(problems()).containsExactly(new ProfileProblem(file, 22, "disable[0]",
                "disable needs extends: profile 'base' inherits no rules"));
    }

    @Test
    void unknownExtendsTarget() throws IOException {
        write("base.yaml", BASE);
        Path child = write("child.yaml", "description: x\nextends: bsae\n");
        assertThat(problems()).containsExactly(new ProfileProblem(child, 2, "extends", "unknown profile 'bsae' in extends (did you mean 'base'?)"));
    }

    @Test
    void cyclesAreNamed() throws IOException {
        Path a = write("a.yaml", "extends: b\n");
        write("b.yaml", "extends: c\n");
        write("c.yaml", "extends: a\n");
        write("d.yaml", "extends: a\n");
        assertThat(problems()).containsExactly(new ProfileProblem(dir.resolve("c.yaml"), 1, "extends", "extends cycle: a -> b -> c -> a"));
        assertThat(a).exists();
    }

    @Test
    void selfExtensionIsACycle() throws IOException {
        Path a = write("a.yaml", "extends: a\n");
        assertThat(problems()).containsExactly(new ProfileProblem(a, 1, "extends", "extends cycle: a -> a"));
    }

    @Test
    void overridingTheSameInheritedIdTwiceInOneFile() throws IOException {
        write("base.yaml", BASE);
        Path child = write("child.yaml", "extends: base\nrules:\n  - id: swap-high\n    threshold: 1\n  - id: swap-high\n    severity: info\n");
        assertThat(problems()).containsExactly(new ProfileProblem(child, 5, "rules[1].id",
                "duplicate rule id 'swap-high': already overridden at line 3"));
    }

    @Test
    void childOfABrokenFileReportsOnlyTheBrokenFile() throws IOException {
        Path base = write("base.yaml", "rules: [\n");
        write("child.yaml", "extends: base\nrules:\n  - id: cpu-high\n    threshold: 70\n");
        assertThat(problems()).extracting(ProfileProblem::file).containsExactly(base);
    }
}
