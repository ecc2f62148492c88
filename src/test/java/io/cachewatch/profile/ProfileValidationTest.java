package io.cachewatch.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem {@link ProfileCatalog#load} reports, with its exact file, line and field. */
class ProfileValidationTest {
    @TempDir
    Path dir;

    /** A complete rule at line 2 of a file, 8 lines long; {@code extra} lines are added after it (line 9 on). */
    private static String rule(String id, String... extra) {
        return """
                rules:
                  - id: %s
                    kind: elasticache
                    engine: [redis, valkey]
                    metric: EngineCPUUtilization
                    comparison: ">"
                    threshold: 80
                    severity: critical
                """.formatted(id) + String.join("", List.of(extra).stream().map(l -> "    " + l + "\n").toList());
    }

    private Path write(String name, String text) throws IOException {
        return ProfileDir.write(dir, name, text);
    }

    private List<ProfileProblem> problems() {
        return ProfileDir.problems(dir);
    }

    private ProfileProblem only() {
        List<ProfileProblem> problems = problems();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void validRuleLoads() throws IOException {
        write("p.yaml", rule("cpu-high"));
        AlarmRule rule = ProfileCatalog.load(dir).get("p").rules().get(0);
        assertThat(rule.metric()).isEqualTo("EngineCPUUtilization");
        assertThat(rule.statistic()).isEqualTo("Average");
        assertThat(rule.period()).isEqualTo(60);
        assertThat(rule.evaluationPeriods()).isEqualTo(5);
        assertThat(rule.datapointsToAlarm()).isEqualTo(5);
        assertThat(rule.appliesTo().scope()).isEqualTo(Scope.NODE);
        assertThat(rule.location()).isEqualTo(new SourceLocation(dir.resolve("p.yaml"), 2));
    }

    @Test
    void yamlSyntaxErrorHasTheParserLine() throws IOException {
        Path file = write("p.yaml", "rules:\n  - id: a\n    kind: [elasticache\n    metric: x\n");
        ProfileProblem p = only();
        assertThat(p.file()).isEqualTo(file);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).startsWith("YAML syntax: ");
    }

    @Test
    void unknownKeysSuggestTheNearestKnownKey() throws IOException {
        Path file = write("p.yaml", "descripton: x\n" + rule("a", "treshold: 80"));
        assertThat(problems()).containsExactly(
                new ProfileProblem(file, 1, "descripton", "unknown key 'descripton' (did you mean 'description'?)"),
                new ProfileProblem(file, 10, "rules[0].treshold", "unknown key 'treshold' (did you mean 'threshold'?)"));
    }

    @Test
    void wrongTypesAreReportedOnTheirLine() throws IOException {
        Path file = write("p.yaml", rule("a", "period: sixty", "replicated-shards-only: maybe"));
        assertThat(problems()).containsExactly(
                new ProfileProblem(file, 9, "rules[0].period", "period must be an integer, not the string 'sixty'"),
                new ProfileProblem(file, 10, "rules[0].replicated-shards-only", "replicated-shards-only must be a boolean, not the string 'maybe'"));
    }

    @Test
    void missingRequiredFields() throws IOException {
        Path file = write("p.yaml", "rules:\n  - kind: elasticache\n  - id: b\n    kind: elasticache\n    comparison: \">\"\n    threshold: 1\n");
        assertThat(problems()).containsExactly(
                new ProfileProblem(file, 2, "rules[0].id", "missing required field 'id'"),
                new ProfileProblem(file, 3, "rules[1].metric", "rule 'b' is missing required field 'metric'"),
                new ProfileProblem(file, 3, "rules[1].severity", "rule 'b' is missing required field 'severity'"));
    }

    @Test
    void unknownEnumValues() throws IOException {
        Path file = write("p.yaml", """
                rules:
                  - id: a
                    kind: elasticashe
                    engine: [redis, redys]
                    metric: EngineCPUUtilization
                    comparison: "=>"
                    threshold: 80
                    severity: urgent
                    treat-missing-data: zero
                    scope: shard
                """);
        assertThat(problems()).containsExactly(
                new ProfileProblem(file, 3, "rules[0].kind", "unknown kind 'elasticashe' (expected elasticache, serverless, memorydb)"),
                new ProfileProblem(file, 4, "rules[0].engine[1]", "unknown engine 'redys' (expected redis, valkey, memcached)"),
                new ProfileProblem(file, 6, "rules[0].comparison", "unknown comparison '=>' (expected >, >=, <, <=, GreaterThanThreshold, "
                        + "GreaterThanOrEqualToThreshold, LessThanThreshold, LessThanOrEqualToThreshold)"),
                new ProfileProblem(file, 8, "rules[0].severity", "unknown severity 'urgent' (expected critical, warning, info)"),
                new ProfileProblem(file, 9, "rules[0].treat-missing-data", "unknown treat-missing-data 'zero' (expected missing, notBreaching, not-breaching, breaching, ignore)"),
                new ProfileProblem(file, 10, "rules[0].scope", "unknown scope 'shard' (expected node, cluster)"));
    }

    @Test
    void invalidRuleIdPattern() throws IOException {
        Path file = write("p.yaml", rule("CPU_High"));
        assertThat(only()).isEqualTo(new ProfileProblem(file, 2, "rules[0].id", "id 'CPU_High' does not match ^[a-z0-9][a-z0-9-]*$"));
    }

    @Test
    void unknownMetricForTheNamespace() throws IOException {
        Path file = write("p.yaml", rule("a").replace("EngineCPUUtilization", "EngineCPUUtilisation"));
        assertThat(only()).isEqualTo(new ProfileProblem(file, 5, "rules[0].metric",
                "unknown metric 'EngineCPUUtilisation' in AWS/ElastiCache (did you mean 'EngineCPUUtilization'?)"));
    }

    @Test
    void metricsNotPublishedForTheKindOrEngine() throws IOException {
        Path file = write("p.yaml", """
                rules:
                  - id: memory
                    kind: elasticache
                    engine: memcached
                    metric: DatabaseMemoryUsagePercentage
                    comparison: ">"
                    threshold: 80
                    severity: critical
                  - id: lag
                    kind: serverless
                    metric: ReplicationLag
                    comparison: ">"
                    threshold: 30
                    severity: critical
                  - id: ecpu
                    kind: [elasticache, memorydb]
                    metric: ElastiCacheProcessingUnits
                    comparison: ">"
                    threshold: 30
                    severity: critical
                """);
        assertThat(problems()).containsExactly(
                new ProfileProblem(file, 5, "rules[0].metric", "metric 'DatabaseMemoryUsagePercentage' is not published for elasticache memcached nodes"),
                new ProfileProblem(file, 11, "rules[1].metric", "metric 'ReplicationLag' is not published for serverless redis caches, "
                        + "serverless valkey caches, serverless memcached caches"),
                new ProfileProblem(file, 17, "rules[2].metric", "unknown metric 'ElastiCacheProcessingUnits' in AWS/MemoryDB"));
    }

    @Test
    void slowLogMetricsArePerClusterOfRedisLikeNodeBasedKinds() throws IOException {
        Path file = write("p.yaml", rule("ok", "scope: cluster", "namespace: cachewatch/SlowLog", "statistic: Sum")
                .replace("kind: elasticache", "kind: [elasticache, memorydb]").replace("EngineCPUUtilization", "SlowCommands")
                + rule("per-node", "namespace: cachewatch/SlowLog").replace("rules:\n", "").replace("EngineCPUUtilization", "SlowCommands")
                + rule("aws-metric", "scope: cluster", "namespace: cachewatch/SlowLog").replace("rules:\n", "")
                + rule("memcached", "scope: cluster", "namespace: cachewatch/SlowLog").replace("rules:\n", "")
                        .replace("engine: [redis, valkey]", "engine: memcached").replace("EngineCPUUtilization", "LostEntries")
                + rule("serverless", "scope: cluster", "namespace: cachewatch/SlowLog").replace("rules:\n", "")
                        .replace("kind: elasticache", "kind: serverless").replace("EngineCPUUtilization", "MaxDuration")
                + rule("other", "scope: cluster", "namespace: AWS/EC2").replace("rules:\n", ""));
        assertThat(problems()).containsExactly(
                new ProfileProblem(file, 19, "rules[1].namespace", "cachewatch/SlowLog metrics are published per cluster: use scope: cluster"),
                new ProfileProblem(file, 23, "rules[2].metric", "unknown metric 'EngineCPUUtilization' in cachewatch/SlowLog"),
                new ProfileProblem(file, 32, "rules[3].metric", "metric 'LostEntries' is not published for elasticache memcached clusters"),
                new ProfileProblem(file, 41, "rules[4].metric", "metric 'MaxDuration' is not published for serverless redis caches, serverless valkey caches"),
                new ProfileProblem(file, 55, "rules[5].namespace", "unknown namespace 'AWS/EC2' (expected cachewatch/SlowLog)"));
    }

    @Test
    void nodeBasedMetricOnlyOnServerlessIsRejected() throws IOException {
        Path file = write("p.yaml", rule("a").replace("kind: elasticache", "kind: serverless"));
        assertThat(only()).isEqualTo(new ProfileProblem(file, 5, "rules[0].metric",
                "metric 'EngineCPUUtilization' is not published for serverless redis caches, serverless valkey caches"));
    }

    @Test
    void serverlessHasNoNodes() throws IOException {
        Path file = write("p.yaml", rule("a", "scope: node").replace("kind: elasticache", "kind: serverless")
                .replace("EngineCPUUtilization", "ElastiCacheProcessingUnits"));
        assertThat(only()).isEqualTo(new ProfileProblem(file, 9, "rules[0].scope",
                "serverless caches have no nodes: use scope: cluster or a separate rule for serverless"));
    }

    @Test
    void unknownStatistic() throws IOException {
        Path file = write("p.yaml", rule("a", "statistic: Avg"));
        assertThat(only()).isEqualTo(new ProfileProblem(file, 9, "rules[0].statistic",
                "unknown statistic 'Avg'; use Average, Sum, Minimum, Maximum, SampleCount or a percentile such as p99"));
    }

    @Test
    void percentileStatisticIsAccepted() throws IOException {
        write("p.yaml", rule("a", "statistic: p99"));
        assertThat(ProfileCatalog.load(dir).get("p").rules().get(0).statistic()).isEqualTo("p99");
    }

    @Test
    void thresholdsThatCanNeverBeCrossed() throws IOException {
        Path file = write("p.yaml", """
                rules:
                  - id: memory
                    kind: memorydb
                    metric: DatabaseMemoryUsagePercentage
                    comparison: ">"
                    threshold: 100
                    severity: critical
                  - id: cpu
                    kind: memorydb
                    metric: CPUUtilization
                    comparison: "<"
                    threshold: 0
                    severity: critical
                  - id: evictions
                    kind: memorydb
                    metric: Evictions
                    comparison: LessThanOrEqualToThreshold
                    threshold: -1
                    severity: critical
                  - id: fine
                    kind: memorydb
                    metric: DatabaseMemoryUsagePercentage
                    comparison: ">="
                    threshold: 100
                    severity: critical
                """);
        assertThat(problems()).containsExactly(
                new ProfileProblem(file, 6, "rules[0].threshold",
                        "the alarm can never fire: DatabaseMemoryUsagePercentage is a percentage (0..100), so it is never > 100"),
                new ProfileProblem(file, 12, "rules[1].threshold", "the alarm can never fire: CPUUtilization is a percentage (0..100), so it is never < 0"),
                new ProfileProblem(file, 18, "rules[2].threshold", "the alarm can never fire: Evictions is never negative, so it is never <= -1"));
    }

    @Test
    void periodsAndDatapoints() throws IOException {
        Path file = write("p.yaml", rule("a", "period: 3600", "evaluation-periods: 25", "datapoints-to-alarm: 30")
                + rule("b", "period: 45").replace("rules:\n", ""));
        assertThat(problems()).containsExactly(
                new ProfileProblem(file, 10, "rules[0].evaluation-periods", "period × evaluation-periods = 90000 s exceeds CloudWatch's limit of 86400 s (one day)"),
                new ProfileProblem(file, 11, "rules[0].datapoints-to-alarm", "datapoints-to-alarm 30 exceeds evaluation-periods 25"),
                new ProfileProblem(file, 19, "rules[1].period", "period 45 s is not allowed: use 10, 30 or a multiple of 60"));
    }

    @Test
    void unknownFactInAnExpressionNamesTheColumn() throws IOException {
        Path file = write("p.yaml", rule("a", "when: vcpu <= 2").replace("threshold: 80", "threshold: 90 / cores"));
        assertThat(problems()).containsExactly(
                new ProfileProblem(file, 7, "rules[0].threshold", "invalid expression '90 / cores': unknown fact 'cores' at column 6"),
                new ProfileProblem(file, 9, "rules[0].when", "invalid expression 'vcpu <= 2': unknown fact 'vcpu' (did you mean 'vcpus'?) at column 1"));
    }

    @Test
    void duplicateIdsMayNotOverlap() throws IOException {
        Path file = write("p.yaml", rule("cpu-high")
                + rule("cpu-high").replace("rules:\n", "").replace("engine: [redis, valkey]", "engine: memcached").replace("EngineCPUUtilization", "CPUUtilization")
                + rule("cpu-high").replace("rules:\n", "").replace("engine: [redis, valkey]", "engine: valkey"));
        assertThat(only()).isEqualTo(new ProfileProblem(file, 16, "rules[2].id",
                "duplicate rule id 'cpu-high': overlaps the rule at line 2 on elasticache/valkey/node"));
    }

    @Test
    void sameIdWithDifferentScopeDoesNotOverlap() throws IOException {
        write("p.yaml", rule("cpu-high") + rule("cpu-high", "scope: cluster").replace("rules:\n", ""));
        assertThat(ProfileCatalog.load(dir).get("p").rules()).hasSize(2);
    }

    @Test
    void emptyDirectory() {
        assertThat(only()).isEqualTo(new ProfileProblem(dir, 0, "", "no alarm profiles (*.yaml, *.yml) in the directory"));
    }

    @Test
    void twoFilesNamingTheSameProfile() throws IOException {
        write("a.yaml", rule("x"));
        Path yml = write("a.yml", rule("x"));
        assertThat(only()).isEqualTo(new ProfileProblem(yml, 1, "", "profile 'a' is also defined by a.yaml"));
    }

    @Test
    void allProblemsOfAllFilesAreReportedTogether() throws IOException {
        write("a.yaml", rule("a", "period: 45"));
        write("b.yaml", rule("b", "statistic: Avg"));
        assertThat(problems()).extracting(p -> p.file().getFileName().toString(), ProfileProblem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.yaml", "rules[0].period"),
                        org.assertj.core.groups.Tuple.tuple("b.yaml", "rules[0].statistic"));
    }

    @Test
    void exceptionMessageListsProblems() throws IOException {
        Path file = write("p.yaml", rule("a", "period: 45"));
        assertThatThrownBy(() -> ProfileCatalog.load(dir)).isInstanceOf(ProfileValidationException.class)
                .hasMessageContaining(file + ":9: rules[0].period: period 45 s is not allowed");
    }
}
