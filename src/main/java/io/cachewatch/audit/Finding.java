package io.cachewatch.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One result as an AWS Security Finding Format finding (schema 2018-10-08), as pure values: what {@code --output asff}
 * prints and what the Security Hub adapter imports. Field names and meaning: ASFF "Required and optional attributes".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String schemaVersion,
        String id,
        String productArn,
        String generatorId,
        String awsAccountId,
        List<String> types,
        String createdAt,
        String updatedAt,
        String severityLabel,
        String title,
        String description,
        String remediation,
        String resourceType,
        String resourceId,
        String region,
        String complianceStatus,
        String recordState,
        String workflowStatus,
        Map<String, String> productFields) {
}
