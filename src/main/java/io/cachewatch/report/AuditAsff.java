package io.cachewatch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.audit.Finding;
import java.util.List;

/** {@code audit --output asff}: the findings as the JSON array BatchImportFindings takes (ASFF attribute names). */
public final class AuditAsff {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditAsff() {
    }

    public static String render(List<Finding> findings) {
        ArrayNode array = MAPPER.createArrayNode();
        findings.forEach(f -> array.add(node(f)));
        try {
            return MAPPER.writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode node(Finding f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("SchemaVersion", f.schemaVersion());
        n.put("Id", f.id());
        n.put("ProductArn", f.productArn());
        n.put("GeneratorId", f.generatorId());
        n.put("AwsAccountId", f.awsAccountId());
        f.types().forEach(n.putArray("Types")::add);
        n.put("CreatedAt", f.createdAt());
        n.put("UpdatedAt", f.updatedAt());
        n.putObject("Severity").put("Label", f.severityLabel());
        n.put("Title", f.title());
        n.put("Description", f.description());
        if (f.remediation() != null) {
            n.putObject("Remediation").putObject("Recommendation").put("Text", f.remediation());
        }
        ObjectNode resource = n.putArray("Resources").addObject();
        resource.put("Type", f.resourceType());
        resource.put("Id", f.resourceId());
        resource.put("Region", f.region());
        n.putObject("Compliance").put("Status", f.complianceStatus());
        n.put("RecordState", f.recordState());
        n.putObject("Workflow").put("Status", f.workflowStatus());
        ObjectNode fields = n.putObject("ProductFields");
        f.productFields().forEach(fields::put);
        return n;
    }
}
