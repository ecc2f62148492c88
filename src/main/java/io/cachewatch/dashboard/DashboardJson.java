package io.cachewatch.dashboard;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parsing, layout, counting and semantic comparison of dashboard bodies. */
public final class DashboardJson {
    /** CloudWatch's grid is 24 columns wide; widgets default to 6 × 6. */
    public static final int GRID_WIDTH = 24;
    private static final int DEFAULT_SIZE = 6;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** Widget, metric and per-widget metric counts of one body. */
    public record Counts(int widgets, int metrics, int maxMetricsPerWidget) {
    }

    /** A body that is not JSON: where and why. */
    public static final class InvalidJson extends Exception {
        private final int line;

        InvalidJson(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private DashboardJson() {
    }

    /** Parses a body; the error names the line and column of the rendered text. */
    public static ObjectNode parse(String body) throws InvalidJson {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (!(node instanceof ObjectNode object) || !object.path("widgets").isArray()) {
                throw new InvalidJson("a dashboard body is a JSON object with a \"widgets\" array", 1);
            }
            int index = 0;
            for (JsonNode widget : object.path("widgets")) {
                index++;
                if (!widget.isObject()) {
                    throw new InvalidJson("widget #" + index + " of \"widgets\" is " + widget.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                            + ", not a JSON object", 1);
                }
            }
            return object;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            throw new InvalidJson("invalid JSON at line " + line + (at == null ? "" : ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage(), line);
        }
    }

    /** Parses a body read from CloudWatch; empty when it is not a dashboard body we understand. */
    public static Optional<ObjectNode> parseLenient(String body) {
        try {
            return Optional.of(parse(body));
        } catch (InvalidJson e) {
            return Optional.empty();
        }
    }

    /**
     * Gives every widget without {@code x}/{@code y} the next free place on the grid, left to right and top to bottom
     * as CloudWatch does. Writing the positions makes the stored body the same as the rendered one, so comparing them
     * never depends on how CloudWatch would fill them in.
     */
    public static ObjectNode layout(ObjectNode body) {
        int x = 0;
        int y = 0;
        int rowHeight = 0;
        for (JsonNode w : body.withArray("widgets")) {
            ObjectNode widget = (ObjectNode) w;
            int width = Math.min(GRID_WIDTH, widget.path("width").asInt(DEFAULT_SIZE));
            int height = widget.path("height").asInt(DEFAULT_SIZE);
            widget.put("width", width);
            widget.put("height", height);
            if (widget.has("x") && widget.has("y")) {
                continue;
            }
            if (x + width > GRID_WIDTH) {
                x = 0;
                y += rowHeight;
                rowHeight = 0;
            }
            widget.put("x", x);
            widget.put("y", y);
            x += width;
            rowHeight = Math.max(rowHeight, height);
        }
        return body;
    }

    public static Counts count(JsonNode body) {
        int widgets = 0;
        int metrics = 0;
        int max = 0;
        for (JsonNode widget : body.path("widgets")) {
            widgets++;
            int n = widget.path("properties").path("metrics").size();
            metrics += n;
            max = Math.max(max, n);
        }
        return new Counts(widgets, metrics, max);
    }

    /**
     * The form two bodies are compared in: numbers as plain decimals (80, 80.0 and 8E1 are one value), no null
     * members. Member order does not matter to Jackson's object equality; array order does, as it does to CloudWatch.
     */
    public static JsonNode normalize(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return JsonNodeFactory.instance.numberNode(value.scale() < 0 ? value.setScale(0) : value);
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    out.set(e.getKey(), normalize(e.getValue()));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(normalize(n)));
            return out;
        }
        return node;
    }

    public static boolean same(JsonNode a, JsonNode b) {
        return normalize(a).equals(normalize(b));
    }

    /** What differs, widget by widget, matched by title (else by type and position among untitled widgets). */
    public static WidgetDiff diff(JsonNode actual, JsonNode desired) {
        Map<String, JsonNode> from = byTitle(actual);
        Map<String, JsonNode> to = byTitle(desired);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        to.forEach((title, widget) -> {
            JsonNode old = from.get(title);
            if (old == null) {
                added.add(title);
            } else if (!same(old, widget)) {
                changed.add(title);
            }
        });
        from.keySet().stream().filter(t -> !to.containsKey(t)).forEach(removed::add);
        return new WidgetDiff(added, removed, changed);
    }

    private static Map<String, JsonNode> byTitle(JsonNode body) {
        Map<String, JsonNode> widgets = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode widget : body.path("widgets")) {
            i++;
            String title = widget.path("properties").path("title").asText("");
            String key = DashboardMark.isMark(widget) ? "ownership mark"
                    : title.isEmpty() ? widget.path("type").asText("widget") + " #" + i : title;
            while (widgets.containsKey(key)) {
                key = key + " (again)";
            }
            widgets.put(key, widget);
        }
        return widgets;
    }

    /** The compact text PutDashboard is sent (members sorted, so equal bodies are equal bytes). */
    public static String write(JsonNode body) {
        try {
            return MAPPER.writeValueAsString(MAPPER.treeToValue(body, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Indented, for docs and people. */
    public static String pretty(JsonNode body) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.treeToValue(body, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
