package io.cachewatch.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results as ASFF findings. Each finding's id is the result's stable id, so a reimport updates it rather than adding a
 * duplicate, and a fixed cluster's finding turns PASSED. The product is the account's own "default" product
 * ({@code arn:aws:securityhub:<region>:<account>:product/<account>/default}, Security Hub "Using custom product
 * integrations").
 */
public final class Findings {
    /** ASFF limits (Security Hub API reference, AwsSecurityFinding): Description 1024, Remediation text 512 characters. */
    static final int DESCRIPTION_MAX = 1024;
    static final int REMEDIATION_MAX = 512;

    /** Where the cluster a result is about lives: its ARN and the account that owns it (null when unknown). */
    public record Resource(String arn, String account) {
    }

    private Findings() {
    }

    /** @param resources cluster key (region/kind/id) → its ARN and account */
    public static List<Finding> of(List<AuditResult> results, Map<String, Resource> resources, Instant now) {
        return results.stream().map(r -> of(r, resources.get(r.region() + "/" + r.kind() + "/" + r.cluster()), now)).toList();
    }

    static Finding of(AuditResult r, Resource resource, Instant now) {
        AuditCheck check = CheckCatalog.find(r.check()).orElseThrow();
        String account = resource == null || resource.account() == null ? "000000000000" : resource.account();
        boolean finding = r.status() == Status.FAIL || r.status() == Status.WAIVED;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("cachewatch/check", r.check());
        fields.put("cachewatch/status", r.status().id());
        fields.put("cachewatch/kind", r.kind());
        if (r.waiver() != null) {
            fields.put("cachewatch/waiver", truncate(r.waiver(), DESCRIPTION_MAX));
        }
        return new Finding("2018-10-08", r.id(), "arn:aws:securityhub:" + r.region() + ":" + account + ":product/" + account + "/default",
                "cachewatch/" + r.check(), account, List.of("Software and Configuration Checks/AWS Security Best Practices"),
                now.toString(), now.toString(), finding ? r.severity().name() : "INFORMATIONAL", check.title(),
                truncate(r.reason() == null ? check.title() : r.reason(), DESCRIPTION_MAX),
                r.remediation() == null ? null : truncate(r.remediation(), REMEDIATION_MAX),
                // ASFF has no resource type that fits replication groups, serverless caches and MemoryDB clusters alike
                "Other", resource == null || resource.arn() == null ? r.cluster() : resource.arn(), r.region(),
                compliance(r.status()), "ACTIVE",
                r.status() == Status.WAIVED ? "SUPPRESSED" : r.status() == Status.PASS ? "RESOLVED" : "NEW", fields);
    }

    static String compliance(Status status) {
        return switch (status) {
            case PASS -> "PASSED";
            case FAIL, WAIVED -> "FAILED";
            case PENDING -> "WARNING";
            case NOT_APPLICABLE, UNKNOWN -> "NOT_AVAILABLE";
        };
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
