package io.cachewatch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.audit.AuditCheck;
import io.cachewatch.audit.AuditResult;
import io.cachewatch.audit.AuditRun;
import io.cachewatch.audit.CheckCatalog;
import io.cachewatch.audit.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Results in the AWS Security Finding Format (ASFF, schema 2018-10-08), as {@code BatchImportFindings} takes them:
 * one finding per result, its id the result's stable id, so a reimport updates rather than duplicates. Product:
 * the account's own "default" product ({@code arn:aws:securityhub:<region>:<account>:product/<account>/default}).
 */
public final class AuditAsff {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the finding is about, beyond the result itself. */
    public record Resource(String arn, String account) {
    }

    private AuditAsff() {
    }

    public static String render(AuditRun run, Map<String, Resource> resourceByCluster, Instant now) {
        ArrayNode findings = MAPPER.createArrayNode();
        findings(run.results(), resourceByCluster, now).forEach(findings::add);
        try {
            return MAPPER.writeValueAsString(findings);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param resourceByCluster cluster key (region/kind/id) → its ARN and account */
    public static List<ObjectNode> findings(List<AuditResult> results, Map<String, Resource> resourceByCluster, Instant now) {
        return results.stream().map(r -> finding(r, resourceByCluster.get(r.region() + "/" + r.kind().id() + "/" + r.cluster()), now)).toList();
    }

    static ObjectNode finding(AuditResult r, Resource resource, Instant now) {
        AuditCheck check = CheckCatalog.find(r.check()).orElseThrow();
        String account = resource == null || resource.account() == null ? "000000000000" : resource.account();
        ObjectNode f = MAPPER.createObjectNode();
        f.put("SchemaVersion", "2018-10-08");
        f.put("Id", r.id());
        f.put("ProductArn", "arn:aws:securityhub:" + r.region() + ":" + account + ":product/" + account + "/default");
        f.put("GeneratorId", "cachewatch/" + r.check());
        f.put("AwsAccountId", account);
        f.putArray("Types").add("Software and Configuration Checks/AWS Security Best Practices");
        f.put("CreatedAt", now.toString());
        f.put("UpdatedAt", now.toString());
        f.putObject("Severity").put("Label", r.status() == Status.FAIL || r.status() == Status.WAIVED
                ? r.severity().name() : "INFORMATIONAL");
        f.put("Title", check.title());
        f.put("Description", truncate(r.reason() == null ? check.title() : r.reason(), 1024));
        if (r.remediation() != null) {
            f.putObject("Remediation").putObject("Recommendation").put("Text", truncate(r.remediation(), 512));
        }
        ObjectNode res = f.putArray("Resources").addObject();
        // ASFF has no resource type for replication groups, serverless caches or MemoryDB clusters that fits all four kinds
        res.put("Type", "Other");
        res.put("Id", resource == null || resource.arn() == null ? r.cluster() : resource.arn());
        res.put("Region", r.region());
        f.putObject("Compliance").put("Status", compliance(r.status()));
        f.put("RecordState", "ACTIVE");
        f.putObject("Workflow").put("Status", r.status() == Status.WAIVED ? "SUPPRESSED" : r.status() == Status.PASS ? "RESOLVED" : "NEW");
        ObjectNode fields = f.putObject("ProductFields");
        fields.put("cachewatch/check", r.check());
        fields.put("cachewatch/status", r.status().id());
        fields.put("cachewatch/kind", r.kind().id());
        if (r.waiver() != null) {
            fields.put("cachewatch/waiver", truncate(r.waiver(), 1024));
        }
        return f;
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
