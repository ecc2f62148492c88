package io.cachewatch.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.JsonNodeReader;
import com.networknt.schema.utils.JsonNodes;
import io.cachewatch.files.InputFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Locale;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes a {@link Fleet} as JSON (records as they are), marked with {@value #FORMAT} so that a file from
 * another tool or a future incompatible version is refused rather than misread. A file without the marker is refused
 * too: every version of {@code discover} has written it, so only another tool's file lacks it. Optional additions that
 * old readers may ignore (the audit's {@code posture}) keep the version; the schema lists each of them.
 */
public final class InventoryJson {
    public static final String FORMAT = "cachewatch-inventory/1";

    /** Classpath resource of the inventory's JSON Schema. */
    public static final String SCHEMA = "/schema/inventory.schema.json";

    /**
     * Strings are bounded (tag values are at most 256 characters, ARNs a few hundred; 64 KiB leaves room for long error
     * messages) and so is nesting (an inventory is 6 levels deep), so a hostile file costs little before it is refused.
     */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxStringLength(64 * 1024).maxNestingDepth(64).maxNumberLength(64).build();

    /**
     * Unknown fields have already been refused by the schema, which knows the one optional object the planner does not
     * read ({@code posture}); the mapper ignores what the schema let through but the records do not hold yet.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Keeps each node's line and column for the schema's findings. */
    private static final JsonNodeReader TREE_READER = JsonNodeReader.builder().locationAware().jsonMapper(MAPPER).build();

    private static final JsonSchema SCHEMA_CHECK = loadSchema();

    /** The file's top level: the format marker first, then the regions. */
    @JsonPropertyOrder({"format", "regions"})
    record Document(String format, List<RegionInventory> regions) {
    }

    /** A file that is not a valid inventory; says where (line, column, field) and why. */
    public static final class InvalidInventoryException extends IOException {
        private final Path file;
        private final int line;
        private final int column;
        private final String field;

        InvalidInventoryException(Path file, int line, int column, String field, String problem, Throwable cause) {
            super(file + (line > 0 ? ":" + line + ":" + column : "") + (field.isEmpty() ? "" : ": " + field) + ": " + problem,
                    cause);
            this.file = file;
            this.line = line;
            this.column = column;
            this.field = field;
        }

        public Path file() {
            return file;
        }

        /** 1-based; 0 when unknown. */
        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** JSON path such as {@code regions[0].clusters[2].engine}; empty for syntax errors and the top level. */
        public String field() {
            return field;
        }
    }

    private InventoryJson() {
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = InventoryJson.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SCHEMA);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Fleet fleet, Writer out) throws IOException {
        MAPPER.writeValue(out, new Document(FORMAT, fleet.regions()));
        out.write(System.lineSeparator());
        out.flush();
    }

    /**
     * Reads an inventory file, checked against {@value #SCHEMA} before anything of it is used: every field the planner
     * reads must be there with its type, so a cluster without {@code shards} or a file without {@code regions} is
     * refused, naming the file, line and field, rather than read as a cluster with no nodes or a fleet with nothing in
     * it. Files over {@link InputFile#MAX_INVENTORY_BYTES} are refused before parsing.
     */
    public static Fleet read(Path file) throws IOException {
        byte[] content;
        try {
            content = InputFile.readBytes(file, InputFile.MAX_INVENTORY_BYTES);
        } catch (InputFile.Unusable e) {
            throw new InvalidInventoryException(file, 0, 0, "", "inventory file " + e.getMessage()
                    + " (reconcile --inventory takes a file written by discover --output json)", null);
        }
        JsonNode tree;
        try {
            tree = TREE_READER.readTree(new ByteArrayInputStream(content), InputFormat.JSON);
        } catch (JsonProcessingException e) {
            throw invalid(file, e.getLocation(), "", e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            // the location-aware reader wraps Jackson's syntax errors
            if (e.getCause() instanceof JsonProcessingException syntax) {
                throw invalid(file, syntax.getLocation(), "", syntax.getOriginalMessage(), syntax);
            }
            throw new InvalidInventoryException(file, 0, 0, "", "not JSON: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidInventoryException(file, 0, 0, "", "empty file", null);
        }
        if (!tree.isObject()) {
            throw new InvalidInventoryException(file, 1, 1, "", "an inventory is a JSON object {\"format\":…,\"regions\":[…]}", null);
        }
        JsonNode format = tree.get("format");
        if (format == null || !FORMAT.equals(format.asText(null))) {
            // first, so a file of another tool or version is named as such rather than by its first unknown field
            throw new InvalidInventoryException(file, 0, 0, "format",
                    "expected \"" + FORMAT + "\" but found " + (format == null ? "none" : format.toString()), null);
        }
        List<ValidationMessage> problems = new ArrayList<>(SCHEMA_CHECK.validate(tree));
        if (!problems.isEmpty()) {
            // the earliest in the file first, as a person reads it
            problems.sort(java.util.Comparator.comparingInt(m -> line(m.getInstanceNode())));
            ValidationMessage first = problems.get(0);
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : "";
            throw invalid(file, locationOf(first.getInstanceNode()), fieldPath(first), describe(first) + more, null);
        }
        Document document;
        try {
            document = MAPPER.treeToValue(tree, Document.class);
        } catch (JsonMappingException e) {
            throw invalid(file, e.getLocation(), path(e), e.getOriginalMessage(), e);
        }
        return new Fleet(document.regions());
    }

    private static int line(JsonNode node) {
        JsonLocation at = locationOf(node);
        return at == null ? 0 : at.getLineNr();
    }

    /**
     * Where a value stands in the file, or null: Jackson shares one node for every {@code null}, {@code true} and
     * {@code false}, so the location-aware reader cannot attach a place to those.
     */
    private static JsonLocation locationOf(JsonNode node) {
        try {
            return JsonNodes.tokenLocationOf(node);
        } catch (IllegalArgumentException noLocation) {
            return null;
        }
    }

    /** {@code regions[0].clusters[2].shards}: where the instance is, plus the property for key-level problems. */
    private static String fieldPath(ValidationMessage message) {
        StringBuilder path = new StringBuilder();
        JsonNodePath location = message.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        if (("required".equals(message.getType()) || "additionalProperties".equals(message.getType())) && message.getProperty() != null) {
            path.append(path.isEmpty() ? "" : ".").append(message.getProperty());
        }
        return path.toString();
    }

    /** The schema's finding in words, naming the cluster when the problem is inside one. */
    private static String describe(ValidationMessage m) {
        JsonNode value = m.getInstanceNode();
        String text = switch (m.getType()) {
            case "required" -> "missing required field '" + m.getProperty() + "'";
            case "additionalProperties" -> "unknown field '" + m.getProperty() + "'";
            case "type" -> "must be " + m.getSchemaNode().asText() + ", not " + kindOf(value);
            case "enum" -> "unknown value " + value + " (expected one of " + String.join(", ",
                    java.util.stream.StreamSupport.stream(m.getSchemaNode().spliterator(), false).map(JsonNode::asText).toList()) + ")";
            case "minLength" -> "must not be empty";
            default -> {
                String message = m.getMessage();
                int colon = message.indexOf(": ");
                yield message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
            }
        };
        JsonNode owner = "required".equals(m.getType()) || "additionalProperties".equals(m.getType()) ? value : null;
        if (owner != null && owner.isObject() && owner.path("id").isTextual() && owner.has("engine")) {
            text += " in cluster '" + owner.get("id").asText() + "'";
        }
        return text;
    }

    private static String kindOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        return value.isObject() ? "an object" : value.isArray() ? "an array" : value.isTextual() ? "a string" : value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static InvalidInventoryException invalid(Path file, JsonLocation location, String field, String problem,
                                                     Exception cause) {
        // Record constructors reject bad values with their own message; show that one rather than Jackson's wrapper.
        Throwable root = cause != null && cause.getCause() instanceof IllegalArgumentException iae ? iae : null;
        String message = root != null ? root.getMessage() : problem;
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return new InvalidInventoryException(file, Math.max(line, 0), Math.max(column, 0), field, message, cause);
    }

    /** {@code regions[0].clusters[1].engine} from Jackson's reference chain. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
