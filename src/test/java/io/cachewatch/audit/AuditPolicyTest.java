package io.cachewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cachewatch.profile.AuditPolicy;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileProblem;
import io.cachewatch.profile.ProfileValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code audit:} section of profiles: extends, validation with file and line, and the shipped profiles. */
class AuditPolicyTest {
    private static final String RULE = """
            rules:
              - id: cpu-high
                kind: elasticache
                engine: [redis, valkey]
                metric: EngineCPUUtilization
                comparison: ">"
                threshold: 80
                severity: critical
            """;

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void childInheritsDisablesAddUpAndItsOwnValuesWin() throws IOException {
        write("base.yaml", RULE + """
                audit:
                  disable: [multi-az]
                  severity:
                    required-tags: medium
                    at-rest-encryption: high
                  backup-retention-days: 7
                  required-tags: [Team]
                """);
        write("child.yaml", """
                extends: base
                audit:
                  disable: [backup-retention]
                  severity:
                    required-tags: high
                  backup-retention-days: 14
                """);
        write("plain.yaml", "extends: base\n");
        ProfileCatalog catalog = ProfileCatalog.load(dir);

        AuditPolicy child = catalog.auditPolicy("child");
        assertThat(child.disabled()).extracting(AuditPolicy.Setting::check).containsExactly("multi-az", "backup-retention");
        assertThat(child.severities().get("required-tags").value()).isEqualTo("high");
        assertThat(child.severities().get("at-rest-encryption").value()).isEqualTo("high");
        assertThat(child.backupRetentionDays()).isEqualTo(14);
        assertThat(child.requiredTags()).containsExactly("Team");
        assertThat(catalog.auditPolicy("plain").backupRetentionDays()).isEqualTo(7);
        assertThat(PolicyCheck.problems(catalog)).isEmpty();
    }

    @Test
    void unknownCheckIdsAreReportedAtTheirLine() throws IOException {
        write("p.yaml", RULE + """
                audit:
                  disable:
                    - multi-az
                    - multiaz
                  severity:
                    backup-retension: high
                """);
        List<ProfileProblem> problems = PolicyCheck.problems(ProfileCatalog.load(dir));
        assertThat(problems).extracting(ProfileProblem::line, ProfileProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(12, "audit.disable[1]"), org.assertj.core.groups.Tuple.tuple(14, "audit.severity.backup-retension"));
        assertThat(problems.get(0).message()).contains("unknown audit check 'multiaz'").contains("multi-az");
        assertThat(problems.get(1).toString()).startsWith(dir.resolve("p.yaml") + ":14: audit.severity.backup-retension: unknown audit check");
    }

    @Test
    void theSchemaChecksKeysSeveritiesAndRanges() throws IOException {
        write("p.yaml", RULE + """
                audit:
                  severity:
                    multi-az: urgent
                  backup-retention-days: 40
                  required-tag: [Owner]
                """);
        List<ProfileProblem> problems = catchThrowableOfType(ProfileValidationException.class, () -> ProfileCatalog.load(dir)).problems();
        assertThat(problems).extracting(ProfileProblem::field)
                .containsExactlyInAnyOrder("audit.severity.multi-az", "audit.backup-retention-days", "audit.required-tag");
        assertThat(problems).allSatisfy(p -> assertThat(p.line()).isGreaterThan(8));
    }

    @Test
    void usageThresholdsAreInheritedOverriddenAndRangeChecked() throws IOException {
        write("base.yaml", RULE + """
                audit:
                  thresholds:
                    shard-skew-factor: 2
                    idle-max-connections: 8
                """);
        write("child.yaml", """
                extends: base
                audit:
                  thresholds:
                    shard-skew-factor: 1.2
                """);
        ProfileCatalog catalog = ProfileCatalog.load(dir);
        AuditPolicy child = catalog.auditPolicy("child");
        assertThat(child.thresholds()).containsEntry("shard-skew-factor", 1.2).containsEntry("idle-max-connections", 8.0);
        assertThat(child.threshold("ttl-coverage-min", 50)).isEqualTo(50);
        assertThat(AuditPolicy.DEFAULTS.threshold("shard-skew-factor", 1.5)).isEqualTo(1.5);

        write("bad.yaml", RULE + """
                audit:
                  thresholds:
                    shard-skew-factor: 1
                    ttl-coverage-min: 120
                    idle-connections: 3
                """);
        List<ProfileProblem> problems = catchThrowableOfType(ProfileValidationException.class, () -> ProfileCatalog.load(dir)).problems();
        assertThat(problems).extracting(ProfileProblem::file).allMatch(f -> f.toString().endsWith("bad.yaml"));
        assertThat(problems).extracting(ProfileProblem::field).containsExactlyInAnyOrder("audit.thresholds.shard-skew-factor",
                "audit.thresholds.ttl-coverage-min", "audit.thresholds.idle-connections");
    }

    @Test
    void shippedProductionIsStrictAndDevelopmentSkipsAvailabilityAndBackups() {
        ProfileCatalog catalog = ProfileCatalog.load(Path.of("alarm-profiles"));
        assertThat(PolicyCheck.problems(catalog)).isEmpty();
        AuditPolicy production = catalog.auditPolicy("production");
        // every check but idle-cluster, which the shipped profiles apply to non-production clusters only
        assertThat(production.disabled()).extracting(AuditPolicy.Setting::check).containsExactly("idle-cluster");
        assertThat(production.backupRetentionDays()).isEqualTo(7);
        assertThat(catalog.auditPolicy("development").disabled()).extracting(AuditPolicy.Setting::check)
                .containsExactlyInAnyOrder("multi-az", "automatic-failover", "backup-retention");
        assertThat(catalog.auditPolicy("development").isDisabled("idle-cluster")).isFalse();
        assertThat(catalog.auditPolicy("default")).isEqualTo(AuditPolicy.DEFAULTS);
    }
}
