package io.cachewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.DiscoveryError;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.posture.Posture;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileSelector;
import io.cachewatch.report.AuditAsff;
import io.cachewatch.report.AuditJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Policy, waivers, one result per cluster and check, exit codes and the output shapes. */
class AuditorTest {
    private static final ProfileCatalog SHIPPED = ProfileCatalog.load(Path.of("alarm-profiles"));
    private static final ProfileSelector SELECTOR = new ProfileSelector("default", "Environment",
            Map.of("production", "production", "development", "development"));

    private static AuditRun audit(Cluster... clusters) {
        return new Auditor(SHIPPED, SELECTOR).run(new Fleet(List.of(new RegionInventory("us-east-1", List.of(clusters), List.of()))),
                AuditChecksTest.TODAY, Map.of(), c -> "not read in this test");
    }

    private static AuditResult result(AuditRun run, String cluster, String check) {
        return run.results().stream().filter(r -> r.cluster().equals(cluster) && r.check().equals(check)).findFirst().orElseThrow();
    }

    private static Cluster tagged(Cluster c, Map<String, String> tags) {
        return Fixtures.withTags(c, tags);
    }

    @Test
    void oneResultPerClusterAndCheckNeverPerNode() {
        Cluster big = Fixtures.valkeyClusterMode("big", 3, 2).withPosture(Posture.EMPTY); // 9 nodes
        AuditRun run = audit(big, AuditChecksTest.memcached(Posture.EMPTY));
        assertThat(run.results()).hasSize(2 * CheckCatalog.ALL.size());
        assertThat(run.results().stream().filter(r -> r.cluster().equals("big")).map(AuditResult::check))
                .containsExactlyElementsOf(CheckCatalog.ids());
    }

    @Test
    void aReplicationGroupAndAStandaloneCacheClusterOfTheSameIdNeverShareResultIds() {
        Cluster group = Fixtures.redisReplicationGroup("orders", 1, Map.of()).withPosture(Posture.EMPTY);
        Cluster standalone = Fixtures.redisSingleNode("orders", "cache.t4g.small", 2).withPosture(Posture.EMPTY);
        AuditRun run = audit(group, standalone);
        assertThat(run.results()).hasSize(2 * CheckCatalog.ALL.size());
        assertThat(run.results().stream().map(AuditResult::id).distinct()).hasSize(2 * CheckCatalog.ALL.size());
        assertThat(run.results()).extracting(AuditResult::kind).containsOnly("elasticache", "cachecluster");
    }

    @Test
    void developmentPolicyDisablesAvailabilityAndBackupChecks() {
        Posture bad = AuditChecksTest.goodGroup().backupRetentionDays(0).automaticFailover("disabled").multiAz("disabled").build();
        AuditRun run = audit(tagged(AuditChecksTest.group(bad), Map.of("Environment", "development")));
        for (String check : List.of("backup-retention", "automatic-failover", "multi-az")) {
            AuditResult r = result(run, "orders", check);
            assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(r.reason()).isEqualTo("disabled by the audit policy of profile development");
        }
        AuditRun prod = audit(tagged(AuditChecksTest.group(bad), Map.of("Environment", "production")));
        assertThat(result(prod, "orders", "multi-az").status()).isEqualTo(Status.FAIL);
        assertThat(result(prod, "orders", "multi-az").severity()).isEqualTo(Severity.HIGH); // production's override
        assertThat(result(prod, "orders", "backup-retention").evidence()).containsEntry("minimumDays", 7);
    }

    @Test
    void aWaiverKeepsEvidenceAndShowsTheReason() {
        Posture bad = AuditChecksTest.goodGroup().atRestEncryption(false).build();
        AuditRun run = audit(tagged(AuditChecksTest.group(bad), Map.of("cachewatch:waive:at-rest-encryption", "legacy, replaced in Q3")));
        AuditResult r = result(run, "orders", "at-rest-encryption");
        assertThat(r.status()).isEqualTo(Status.WAIVED);
        assertThat(r.waiver()).isEqualTo("legacy, replaced in Q3");
        assertThat(r.evidence()).containsEntry("atRestEncryptionEnabled", false);
        assertThat(run.errors()).isEmpty();
        assertThat(run.exitCode(Severity.MEDIUM)).isZero(); // the waived medium failure does not gate; only required-tags (low) fails
    }

    @Test
    void anEmptyWaiverReasonOrUnknownCheckIsAnErrorOfThatClusterAndWaivesNothing() {
        Posture bad = AuditChecksTest.goodGroup().atRestEncryption(false).build();
        AuditRun run = audit(tagged(AuditChecksTest.group(bad), Map.of("cachewatch:waive:at-rest-encryption", " ", "cachewatch:waive:multiaz", "x")));
        assertThat(result(run, "orders", "at-rest-encryption").status()).isEqualTo(Status.FAIL);
        assertThat(run.errors()).extracting(AuditError::cluster, AuditError::operation).containsOnly(org.assertj.core.groups.Tuple.tuple("orders", "waiver"));
        assertThat(run.errors()).hasSize(2);
        assertThat(run.exitCode(Severity.HIGH)).isEqualTo(AuditRun.EXIT_ERRORS);
    }

    @Test
    void waiverTagsAreNotMistakenForAlarmRuleOverrides() {
        var overrides = io.cachewatch.profile.TagOverrides.read(Map.of("cachewatch:waive:multi-az", "single AZ by design"), java.util.Set.of("cpu-high"));
        assertThat(overrides.problems()).isEmpty();
    }

    @Test
    void exitCodesFollowFailOn() {
        Cluster tagsMissing = AuditChecksTest.group(AuditChecksTest.goodGroup().build()); // only required-tags (low) fails
        AuditRun run = audit(tagsMissing);
        assertThat(run.results()).filteredOn(AuditResult::failing).extracting(AuditResult::check).containsExactly("required-tags");
        assertThat(run.exitCode(Severity.HIGH)).isZero();
        assertThat(run.exitCode(Severity.LOW)).isEqualTo(AuditRun.EXIT_FAILING);
        assertThat(run.exitCode(null)).isZero();
        assertThat(run.failBySeverity()).containsEntry(Severity.LOW, 1L).containsEntry(Severity.HIGH, 0L);
    }

    @Test
    void discoveryErrorsAreErrors() {
        AuditRun run = new Auditor(SHIPPED, SELECTOR).run(new Fleet(List.of(new RegionInventory("us-east-1", List.of(),
                List.of(new DiscoveryError("us-east-1", "Ec2.DescribeSecurityGroups", "Throttling"))))), AuditChecksTest.TODAY, Map.of(), c -> null);
        assertThat(run.exitCode(Severity.HIGH)).isEqualTo(AuditRun.EXIT_ERRORS);
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        AuditRun run = audit(AuditChecksTest.group(AuditChecksTest.goodGroup().atRestEncryption(false).build()));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(AuditJson.render(run, new TreeMap<>(Map.of("ElastiCache.DescribeReplicationGroups", 1L))));
        assertThat(json.fieldNames()).toIterable().containsExactly("summary", "results", "errors", "apiCalls");
        assertThat(json.get("summary").fieldNames()).toIterable()
                .containsExactly("pass", "fail", "waived", "notApplicable", "unknown", "pending", "failBySeverity");
        assertThat(json.get("summary").get("failBySeverity").get("medium").asInt()).isEqualTo(1);
        var result = json.get("results").get(1);
        assertThat(result.fieldNames()).toIterable()
                .containsExactly("check", "status", "severity", "region", "kind", "cluster", "evidence", "reason", "remediation", "waiver");
        assertThat(result.get("check").asText()).isEqualTo("at-rest-encryption");
        assertThat(result.get("status").asText()).isEqualTo("fail");
        assertThat(result.get("kind").asText()).isEqualTo("elasticache");
        assertThat(result.get("evidence").get("atRestEncryptionEnabled").asBoolean()).isFalse();
        assertThat(json.get("apiCalls").get("ElastiCache.DescribeReplicationGroups").asInt()).isEqualTo(1);
    }

    @Test
    void findingsHaveStableIdsAndComplianceStatus() throws Exception {
        Cluster c = AuditChecksTest.group(AuditChecksTest.goodGroup().atRestEncryption(false).build());
        AuditRun run = audit(c);
        List<Finding> findings = Findings.of(run.results(), Map.of(c.key(), new Findings.Resource("arn:aws:elasticache:us-east-1:123456789012:replicationgroup:orders", "123456789012")),
                Instant.parse("2026-11-30T12:00:00Z"));
        Finding atRest = findings.stream().filter(f -> f.id().endsWith("/at-rest-encryption")).findFirst().orElseThrow();
        assertThat(atRest.id()).isEqualTo("cachewatch/us-east-1/elasticache/orders/at-rest-encryption");
        assertThat(atRest.complianceStatus()).isEqualTo("FAILED");
        assertThat(atRest.severityLabel()).isEqualTo("MEDIUM");
        assertThat(atRest.awsAccountId()).isEqualTo("123456789012");
        assertThat(atRest.productArn()).isEqualTo("arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default");
        assertThat(atRest.resourceId()).isEqualTo("arn:aws:elasticache:us-east-1:123456789012:replicationgroup:orders");
        Finding inTransit = findings.stream().filter(f -> f.id().endsWith("/in-transit-encryption")).findFirst().orElseThrow();
        assertThat(inTransit.complianceStatus()).isEqualTo("PASSED");
        assertThat(inTransit.severityLabel()).isEqualTo("INFORMATIONAL");

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(AuditAsff.render(findings));
        assertThat(json.get(1).get("Compliance").get("Status").asText()).isEqualTo("FAILED");
        assertThat(json.get(1).get("Resources").get(0).get("Id").asText()).startsWith("arn:aws:elasticache:");
        assertThat(json.get(1).get("Remediation").get("Recommendation").get("Text").asText()).contains("fixed at creation");
    }
}
