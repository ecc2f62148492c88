package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.audit.AuditError;
import io.cachewatch.audit.AuditResult;
import io.cachewatch.audit.AuditRun;
import io.cachewatch.audit.Severity;
import io.cachewatch.audit.Status;
import io.cachewatch.auditing.AuditNotify;
import io.cachewatch.console.ClusterStatus;
import io.cachewatch.console.ClusterStatuses;
import io.cachewatch.console.ConsoleFixtures;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What serve keeps of a target's audits: the gauges per label set, the last audit's time, the console's failing results. */
class ServeAuditStateTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ServeState state = new ServeState(registry, Duration.ofMinutes(15));
    private final Instant at = Instant.parse("2026-11-30T12:00:00Z");
    private static final AuditNotify.Outcome NOTHING = new AuditNotify.Outcome(0, 0, 0, List.of());

    private static AuditResult result(String cluster, String check, Status status, Severity severity) {
        return new AuditResult(check, status, severity, Fixtures.REGION, "elasticache", cluster, Map.of("snapshotRetentionLimit", 0),
                status == Status.FAIL ? "no automatic backups" : null, status == Status.FAIL ? "set a retention" : null, null);
    }

    private void serving() {
        state.serving(List.of(new Target("prod", List.of(Fixtures.REGION), null, null)), false, true);
    }

    private double sample(String name, String... labels) {
        String metrics = registry.scrape();
        return ServeIT.counter(metrics, name, labels);
    }

    @Test
    void resultsPerCheckSeverityAndStatusAreGaugesAndALabelSetNoLongerSeenReadsZero() {
        serving();
        assertThat(registry.scrape()).as("registered at zero before the first audit")
                .containsPattern("cachewatch_audit_runs_total\\{outcome=\"ok\",target=\"prod\",?\\} 0.0")
                .containsPattern("cachewatch_audit_errors\\{target=\"prod\",?\\} 0.0")
                .doesNotContain("cachewatch_audit_last_seconds{")
                .containsPattern("cachewatch_aws_calls_total\\{operation=\"DescribeSecurityGroups\",service=\"Ec2\",target=\"prod\",?\\} 0.0")
                .containsPattern("cachewatch_aws_throttles_total\\{operation=\"DescribeUpdateActions\",service=\"ElastiCache\",target=\"prod\",?\\} 0.0");
        state.audited("prod", new AuditRun(List.of(result("a", "backup-retention", Status.FAIL, Severity.MEDIUM),
                result("b", "backup-retention", Status.FAIL, Severity.MEDIUM), result("c", "backup-retention", Status.PASS, Severity.MEDIUM),
                result("a", "multi-az", Status.UNKNOWN, Severity.HIGH)), List.of()), NOTHING, at, Duration.ofSeconds(2));

        assertThat(sample("cachewatch_audit_results", "target=\"prod\"", "check=\"backup-retention\"", "severity=\"medium\"", "status=\"fail\"")).isEqualTo(2);
        assertThat(sample("cachewatch_audit_results", "check=\"backup-retention\"", "status=\"pass\"")).isEqualTo(1);
        assertThat(sample("cachewatch_audit_results", "check=\"multi-az\"", "severity=\"high\"", "status=\"unknown\"")).isEqualTo(1);
        assertThat(sample("cachewatch_audit_last_seconds", "target=\"prod\"")).isEqualTo(at.getEpochSecond());

        // b was fixed, multi-az could be read again, a's severity was raised by a policy
        state.audited("prod", new AuditRun(List.of(result("a", "backup-retention", Status.FAIL, Severity.HIGH),
                result("b", "backup-retention", Status.PASS, Severity.MEDIUM), result("c", "backup-retention", Status.PASS, Severity.MEDIUM),
                result("a", "multi-az", Status.PASS, Severity.HIGH)), List.of(new AuditError(Fixtures.REGION, null, "x", "y"))),
                NOTHING, at.plusSeconds(3600), Duration.ofSeconds(2));

        assertThat(sample("cachewatch_audit_results", "check=\"backup-retention\"", "severity=\"medium\"", "status=\"fail\""))
                .as("a label set the last audit did not yield").isZero();
        assertThat(sample("cachewatch_audit_results", "check=\"backup-retention\"", "severity=\"high\"", "status=\"fail\"")).isEqualTo(1);
        assertThat(sample("cachewatch_audit_results", "check=\"backup-retention\"", "status=\"pass\"")).isEqualTo(2);
        assertThat(sample("cachewatch_audit_results", "check=\"multi-az\"", "status=\"unknown\"")).isZero();
        assertThat(sample("cachewatch_audit_errors", "target=\"prod\"")).isEqualTo(1);
        assertThat(sample("cachewatch_audit_runs_total", "outcome=\"errors\"")).isEqualTo(1);
        assertThat(sample("cachewatch_audit_last_seconds", "target=\"prod\"")).isEqualTo(at.plusSeconds(3600).getEpochSecond());
    }

    @Test
    void theConsoleShowsEachClustersFailingResultsAndTheTargetItsSummary() {
        serving();
        ClusterStatuses.Run run = ConsoleFixtures.fleet(3);
        state.finished("prod", new TargetStatus.RunResult(at.minusSeconds(5), at, true, 0, Map.of(), Map.of(), Map.of(), List.of(), true,
                run.report(), ClusterStatuses.of(run)));
        assertThat(state.targets().get(0).audit().waiting()).isEqualTo("first audit pending");

        state.audited("prod", new AuditRun(List.of(result("cluster-0001", "backup-retention", Status.FAIL, Severity.MEDIUM),
                result("cluster-0001", "in-transit-encryption", Status.FAIL, Severity.HIGH),
                result("cluster-0002", "backup-retention", Status.PASS, Severity.MEDIUM)), List.of()), new AuditNotify.Outcome(2, 0, 2, List.of()),
                at, Duration.ofSeconds(1));

        ClusterStatus one = state.clusters().stream().filter(c -> c.id().equals("cluster-0001")).findFirst().orElseThrow();
        assertThat(one.audit()).extracting(a -> a.check()).containsExactly("in-transit-encryption", "backup-retention"); // most severe first
        assertThat(one.audit().get(1).reason()).isEqualTo("no automatic backups");
        assertThat(one.audit().get(1).remediation()).isEqualTo("set a retention");
        assertThat(one.audit().get(1).evidence()).isEqualTo("snapshotRetentionLimit=0");
        assertThat(one.audit().get(1).path()).isEqualTo("/status/prod/" + Fixtures.REGION + "/cluster-0001");
        assertThat(one.auditBySeverity()).containsExactly(Map.entry("high", 1), Map.entry("medium", 1));
        assertThat(state.clusters().stream().filter(c -> c.id().equals("cluster-0002")).findFirst().orElseThrow().audit()).isEmpty();

        AuditStatus audit = state.targets().get(0).audit();
        assertThat(audit.ok()).isTrue();
        assertThat(audit.summary()).containsEntry("fail", 2L).containsEntry("pass", 1L);
        assertThat(audit.failing()).hasSize(2);
        assertThat(audit.notified()).containsEntry("failing", 2).containsEntry("published", 2);

        // an audit that cannot run keeps the last results shown, with the reason
        state.auditFailed("prod", at.plusSeconds(3600), "invalid profiles", Duration.ofMillis(5));
        assertThat(state.targets().get(0).audit().failing()).hasSize(2);
        assertThat(state.targets().get(0).audit().errors()).singleElement().asString().contains("invalid profiles");
        assertThat(state.clusters().stream().filter(c -> c.id().equals("cluster-0001")).findFirst().orElseThrow().audit()).hasSize(2);
        assertThat(sample("cachewatch_audit_runs_total", "outcome=\"failed\"")).isEqualTo(1);
    }
}
