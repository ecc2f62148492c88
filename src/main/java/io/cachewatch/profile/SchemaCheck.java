package io.cachewatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Structural checks (keys, types, enumerations) from the published JSON Schema, so the editor and
 * {@code validate} agree. Validator messages are turned into one problem per field, located by the YAML marks.
 */
final class SchemaCheck {
    /** Classpath resource of the schema; {@code docs/alarm-profile.schema.json} is a byte-identical copy. */
    static final String RESOURCE = "/schema/alarm-profile.schema.json";

    /** Errors that only say "some other error below or beside me"; dropped when that other error is reported. */
    private static final Set<String> VAGUE = Set.of("anyOf", "oneOf", "type", "enum", "const");

    private final JsonNode schemaJson;
    private final JsonSchema schema;

    SchemaCheck() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            schemaJson = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson);
    }

    /** Problems found in {@code tree}, at most one per field path, in document order of discovery. */
    List<ProfileProblem> check(Path file, YamlTree tree) {
        Map<String, List<ValidationMessage>> byPath = new LinkedHashMap<>();
        for (ValidationMessage message : schema.validate(tree.root())) {
            byPath.computeIfAbsent(fieldPath(message), k -> new ArrayList<>()).add(message);
        }
        List<ProfileProblem> problems = new ArrayList<>();
        for (Map.Entry<String, List<ValidationMessage>> entry : byPath.entrySet()) {
            String path = entry.getKey();
            boolean explainedBelow = byPath.keySet().stream().anyMatch(other -> other.startsWith(path) && other.length() > path.length()
                    && (other.charAt(path.length()) == '.' || other.charAt(path.length()) == '['));
            ValidationMessage best = best(entry.getValue(), explainedBelow);
            if (best != null) {
                problems.add(new ProfileProblem(file, tree.line(path), path, describe(best)));
            }
        }
        return problems;
    }

    /** The most telling message: a specific one over a "does not match any branch", an enum over a type. */
    private static ValidationMessage best(List<ValidationMessage> messages, boolean explainedBelow) {
        ValidationMessage best = null;
        for (ValidationMessage m : messages) {
            if (explainedBelow && VAGUE.contains(m.getType())) {
                continue;
            }
            if (best == null || rank(m) < rank(best)) {
                best = m;
            }
        }
        return best;
    }

    private static int rank(ValidationMessage m) {
        return switch (m.getType()) {
            case "anyOf", "oneOf" -> 3;
            case "type", "const" -> 2;
            case "enum" -> 1;
            default -> 0;
        };
    }

    /** The field the message is about: the instance location, plus the property for key-level errors. */
    private static String fieldPath(ValidationMessage message) {
        String path = format(message.getInstanceLocation());
        if (("additionalProperties".equals(message.getType()) || "required".equals(message.getType())) && message.getProperty() != null) {
            path = YamlTree.child(path, message.getProperty());
        }
        return path;
    }

    static String format(JsonNodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? YamlTree.child(path, index) : YamlTree.child(path, String.valueOf(element));
        }
        return path;
    }

    private String describe(ValidationMessage m) {
        String field = fieldName(fieldPath(m));
        JsonNode value = m.getInstanceNode();
        return switch (m.getType()) {
            case "additionalProperties" -> "unknown key '" + m.getProperty() + "'" + Suggest.hint(m.getProperty(), siblings(m));
            case "required" -> "missing required field '" + m.getProperty() + "'";
            case "enum" -> "unknown " + field + " " + show(value) + " (expected " + list(m.getSchemaNode()) + ")"
                    + (value != null && value.isTextual() && value.asText().isBlank() && field.equals("comparison")
                    ? "; a bare > starts a YAML block and leaves the value empty: quote it: comparison: \">\"" : "");
            case "type" -> field + " must be " + expected(m.getSchemaNode()) + ", not " + kindOf(value);
            case "pattern" -> field + " " + show(value) + " does not match " + m.getSchemaNode().asText();
            case "anyOf", "oneOf" -> field + " " + show(value) + " is neither a single value nor a list of allowed values";
            default -> stripLocation(m.getMessage());
        };
    }

    /** The property names allowed next to an unknown key, read from the schema object that rejected it. */
    private Set<String> siblings(ValidationMessage m) {
        String location = m.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        String pointer = hash < 0 ? "" : location.substring(hash + 1);
        pointer = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/'))) + "/properties";
        Set<String> names = new TreeSet<>();
        Iterator<String> it = schemaJson.at(pointer).fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static String fieldName(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('.'), -1) + 1);
        int bracket = name.indexOf('[');
        return bracket > 0 ? name.substring(0, bracket) : name.isEmpty() ? "profile" : name;
    }

    private static String show(JsonNode value) {
        return value == null ? "" : value.isTextual() ? "'" + value.asText() + "'" : value.toString();
    }

    private static String list(JsonNode enumNode) {
        StringJoiner joiner = new StringJoiner(", ");
        enumNode.forEach(v -> joiner.add(v.asText()));
        return joiner.toString();
    }

    private static String expected(JsonNode typeNode) {
        if (typeNode.isArray()) {
            StringJoiner joiner = new StringJoiner(" or ");
            typeNode.forEach(t -> joiner.add(article(t.asText())));
            return joiner.toString();
        }
        return article(typeNode.asText());
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "an integer";
            default -> "a " + type;
        };
    }

    private static String kindOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return "empty";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isTextual() ? "the string '" + value.asText() + "'" : value.toString();
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
    }
}
