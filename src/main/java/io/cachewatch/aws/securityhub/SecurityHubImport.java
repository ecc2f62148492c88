package io.cachewatch.aws.securityhub;

import io.cachewatch.audit.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.Compliance;
import software.amazon.awssdk.services.securityhub.model.Recommendation;
import software.amazon.awssdk.services.securityhub.model.Remediation;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.Severity;
import software.amazon.awssdk.services.securityhub.model.Workflow;

/**
 * Imports findings into Security Hub in the region of each finding, at most {@value #BATCH} per BatchImportFindings call
 * (the API's limit). Findings keep their ids, so a rerun updates them. Never throws for AWS failures: they are returned.
 */
public final class SecurityHubImport {
    static final int BATCH = 100;

    /** What one import did: findings accepted, and every failure (a failed call, a rejected finding). */
    public record Outcome(int imported, List<String> failures) {
    }

    private final Function<String, SecurityHubClient> clients;

    public SecurityHubImport(Function<String, SecurityHubClient> clients) {
        this.clients = clients;
    }

    public Outcome importAll(List<Finding> findings) {
        Map<String, List<Finding>> byRegion = new LinkedHashMap<>();
        findings.forEach(f -> byRegion.computeIfAbsent(f.region(), k -> new ArrayList<>()).add(f));
        int imported = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> region : byRegion.entrySet()) {
            List<Finding> list = region.getValue();
            for (int from = 0; from < list.size(); from += BATCH) {
                List<AwsSecurityFinding> batch = list.subList(from, Math.min(list.size(), from + BATCH)).stream()
                        .map(SecurityHubImport::translate).toList();
                try {
                    BatchImportFindingsResponse response = clients.apply(region.getKey()).batchImportFindings(r -> r.findings(batch));
                    imported += response.successCount() == null ? 0 : response.successCount();
                    response.failedFindings().forEach(f -> failures.add(region.getKey() + " " + f.id() + ": " + f.errorCode() + " " + f.errorMessage()));
                } catch (RuntimeException e) {
                    failures.add(region.getKey() + " BatchImportFindings of " + batch.size() + " findings failed: " + e.getMessage());
                }
            }
        }
        return new Outcome(imported, failures);
    }

    /** Pure: the SDK shape of one finding. */
    static AwsSecurityFinding translate(Finding f) {
        AwsSecurityFinding.Builder b = AwsSecurityFinding.builder()
                .schemaVersion(f.schemaVersion()).id(f.id()).productArn(f.productArn()).generatorId(f.generatorId())
                .awsAccountId(f.awsAccountId()).types(f.types()).createdAt(f.createdAt()).updatedAt(f.updatedAt())
                .severity(Severity.builder().label(f.severityLabel()).build()).title(f.title()).description(f.description())
                .resources(Resource.builder().type(f.resourceType()).id(f.resourceId()).region(f.region()).build())
                .compliance(Compliance.builder().status(f.complianceStatus()).build()).recordState(f.recordState())
                .workflow(Workflow.builder().status(f.workflowStatus()).build()).productFields(f.productFields());
        if (f.remediation() != null) {
            b.remediation(Remediation.builder().recommendation(Recommendation.builder().text(f.remediation()).build()).build());
        }
        return b.build();
    }
}
