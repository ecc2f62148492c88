package io.cachewatch.aws.securityhub;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.audit.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

/** The SDK shape of a finding (imported against moto in AuditCliIT). */
class SecurityHubImportTest {
    @Test
    void translatesEveryAttribute() {
        Finding f = new Finding("2018-10-08", "cachewatch/us-east-1/memorydb/vault/multi-az", "arn:aws:securityhub:us-east-1:1:product/1/default",
                "cachewatch/multi-az", "123456789012", List.of("Software and Configuration Checks/AWS Security Best Practices"),
                "2026-11-30T12:00:00Z", "2026-11-30T12:00:00Z", "MEDIUM", "Nodes are spread", "Multi-AZ is off", "add a replica",
                "Other", "arn:aws:memorydb:us-east-1:1:cluster/vault", "us-east-1", "FAILED", "ACTIVE", "NEW", Map.of("cachewatch/check", "multi-az"));
        AwsSecurityFinding sdk = SecurityHubImport.translate(f);
        assertThat(sdk.id()).isEqualTo(f.id());
        assertThat(sdk.severity().labelAsString()).isEqualTo("MEDIUM");
        assertThat(sdk.compliance().statusAsString()).isEqualTo("FAILED");
        assertThat(sdk.workflow().statusAsString()).isEqualTo("NEW");
        assertThat(sdk.resources()).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo("arn:aws:memorydb:us-east-1:1:cluster/vault"));
        assertThat(sdk.remediation().recommendation().text()).isEqualTo("add a replica");
        assertThat(sdk.productFields()).containsEntry("cachewatch/check", "multi-az");
    }

    @Test
    void batchesOfAtMostOneHundredPerRegion() {
        List<Integer> sizes = new java.util.ArrayList<>();
        List<String> regions = new java.util.ArrayList<>();
        java.util.function.Function<String, software.amazon.awssdk.services.securityhub.SecurityHubClient> clients = region ->
                (software.amazon.awssdk.services.securityhub.SecurityHubClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {software.amazon.awssdk.services.securityhub.SecurityHubClient.class}, (proxy, method, args) -> {
                            if (!method.getName().equals("batchImportFindings")) {
                                throw new UnsupportedOperationException(method.getName());
                            }
                            @SuppressWarnings("unchecked")
                            var consumer = (java.util.function.Consumer<software.amazon.awssdk.services.securityhub.model.BatchImportFindingsRequest.Builder>) args[0];
                            var builder = software.amazon.awssdk.services.securityhub.model.BatchImportFindingsRequest.builder();
                            consumer.accept(builder);
                            int n = builder.build().findings().size();
                            sizes.add(n);
                            regions.add(region);
                            return software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse.builder()
                                    .successCount(n).failedCount(0).build();
                        });
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            findings.add(finding("c" + i, "us-east-1"));
        }
        findings.add(finding("x", "eu-west-1"));
        SecurityHubImport.Outcome outcome = new SecurityHubImport(clients).importAll(findings);
        assertThat(sizes).containsExactly(100, 100, 50, 1);
        assertThat(regions).containsExactly("us-east-1", "us-east-1", "us-east-1", "eu-west-1");
        assertThat(outcome.imported()).isEqualTo(251);
        assertThat(outcome.failures()).isEmpty();
    }

    private static Finding finding(String cluster, String region) {
        return new Finding("2018-10-08", "cachewatch/" + region + "/elasticache/" + cluster + "/multi-az", "arn:aws:securityhub:" + region + ":1:product/1/default",
                "cachewatch/multi-az", "123456789012", List.of("Software and Configuration Checks/AWS Security Best Practices"),
                "2026-11-30T12:00:00Z", "2026-11-30T12:00:00Z", "MEDIUM", "t", "d", null, "Other", cluster, region, "FAILED", "ACTIVE", "NEW", Map.of());
    }
}
