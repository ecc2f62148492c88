package io.cachewatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as a Jackson tree (what the JSON Schema validator reads) plus the 1-based line of every
 * node, keyed by field path ({@code rules[3].threshold}). The document is composed with SnakeYAML rather
 * than read by Jackson because only the composed nodes keep their marks.
 *
 * @param lines field path to line; a mapping entry maps to the line of its key
 */
record YamlTree(JsonNode root, Map<String, Integer> lines) {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Parses {@code text}; syntax errors and duplicate keys are added to {@code problems}, and then the result is null. */
    static YamlTree parse(Path file, String text, List<ProfileProblem> problems) {
        Node node;
        try (Reader reader = new StringReader(text)) {
            node = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problems.add(new ProfileProblem(file, line, "", "YAML syntax: " + e.getProblem() + quoteHint(text, line)));
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            problems.add(new ProfileProblem(file, 1, "", "YAML syntax: " + e.getMessage()));
            return null;
        }
        Map<String, Integer> lines = new HashMap<>();
        if (node == null) {
            // nothing but blanks or comments: most likely a file saved empty by mistake, so not a profile with no rules
            problems.add(new ProfileProblem(file, 1, "", "empty file: a profile has rules, or extends another profile"));
            return null;
        }
        int before = problems.size();
        JsonNode root;
        try {
            root = convert(file, node, "", lines, problems, new int[] {0});
        } catch (TooLarge e) {
            problems.add(new ProfileProblem(file, 1, "", "more than " + MAX_NODES + " YAML values (aliases included): not a profile"));
            return null;
        }
        return problems.size() == before ? new YamlTree(root, lines) : null;
    }

    /**
     * Values a profile may hold, aliases expanded: the shipped profiles have a few hundred. Bounds the tree an alias
     * chain ({@code b: [*a, *a]}, {@code c: [*b, *b]} …) would otherwise expand exponentially.
     */
    static final int MAX_NODES = 100_000;

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** A bare {@code >} or {@code >=} after a key starts a YAML block scalar: say how to write the comparison instead. */
    static String quoteHint(String text, int line) {
        String source = text.lines().skip(Math.max(0, line - 1)).findFirst().orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(?:-\\s+)?([\\w-]+)\\s*:\\s*([<>]=?)\\s*(?:#.*)?$").matcher(source);
        return m.find() ? " (a bare " + m.group(2) + " is YAML syntax; quote it: " + m.group(1) + ": \"" + m.group(2) + "\")" : "";
    }

    /** The line of {@code path}, or of its nearest ancestor that has one. */
    int line(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = parent(p);
        }
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String child(String path, int index) {
        return path + "[" + index + "]";
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static JsonNode convert(Path file, Node node, String path, Map<String, Integer> lines, List<ProfileProblem> problems, int[] count) {
        if (++count[0] > MAX_NODES) {
            throw new TooLarge();
        }
        lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JSON.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
                String childPath = child(path, key);
                int keyLine = tuple.getKeyNode().getStartMark().getLine() + 1;
                if (object.has(key)) {
                    problems.add(new ProfileProblem(file, keyLine, childPath, "duplicate key '" + key + "'"));
                    continue;
                }
                lines.put(childPath, keyLine);
                object.set(key, convert(file, tuple.getValueNode(), childPath, lines, problems, count));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                array.add(convert(file, items.get(i), child(path, i), lines, problems, count));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    /** Types follow SnakeYAML's implicit resolution (YAML 1.1), as a plain {@code load} would. */
    private static JsonNode scalar(ScalarNode scalar) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.INT.equals(tag)) {
                return JSON.numberNode(Long.parseLong(value.replace("_", "")));
            }
            if (Tag.FLOAT.equals(tag)) {
                return JSON.numberNode(new BigDecimal(value.replace("_", "")).doubleValue());
            }
        } catch (NumberFormatException e) {
            return JSON.textNode(value); // hex, sexagesimal, .inf: not meaningful in a profile; the schema says so
        }
        if (Tag.BOOL.equals(tag)) {
            return JSON.booleanNode(List.of("true", "yes", "on", "y").contains(value.toLowerCase(java.util.Locale.ROOT)));
        }
        if (Tag.NULL.equals(tag)) {
            return JSON.nullNode();
        }
        return JSON.textNode(value);
    }
}
