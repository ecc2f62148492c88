package io.cachewatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.inventory.ClusterRef;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cachewatch's ownership mark in a dashboard body, as the owner line is in an alarm's description: a one-row text
 * widget at the bottom, {@code [cachewatch dashboard=<name> region=<region> owner=<kind>/<id>]}. It names the
 * dashboard itself, so a console "Save as" copy (which copies the widget) is recognised as not cachewatch's.
 */
public final class DashboardMark {
    private static final Pattern MARK = Pattern.compile(
            "\\[cachewatch dashboard=(\\S+) region=(\\S+) owner=([^/\\s]+)/(\\S+)]");

    /** What a mark says. */
    public record Mark(String dashboard, String region, ClusterRef owner) {
    }

    private DashboardMark() {
    }

    /** The body with the mark added below its last widget. */
    public static ObjectNode stamp(ObjectNode body, String name, String region, ClusterRef owner) {
        int bottom = 0;
        for (JsonNode w : body.path("widgets")) {
            bottom = Math.max(bottom, w.path("y").asInt(0) + w.path("height").asInt(0));
        }
        ObjectNode widget = body.withArray("widgets").addObject();
        widget.put("type", "text").put("x", 0).put("y", bottom).put("width", DashboardJson.GRID_WIDTH).put("height", 1);
        widget.putObject("properties").put("background", "transparent").put("markdown",
                "Managed by cachewatch: hand edits are reverted. [cachewatch dashboard=" + name + " region=" + region
                        + " owner=" + owner.kind() + "/" + owner.id() + "]");
        return body;
    }

    /** The mark of a body; empty when it carries none. */
    public static Optional<Mark> read(JsonNode body) {
        for (JsonNode w : body.path("widgets")) {
            Matcher m = matcher(w);
            if (m.find()) {
                return Optional.of(new Mark(m.group(1), m.group(2), new ClusterRef(m.group(3), m.group(4))));
            }
        }
        return Optional.empty();
    }

    /** True for the widget that carries a mark (compared by that name, not by its position). */
    static boolean isMark(JsonNode widget) {
        return matcher(widget).find();
    }

    private static Matcher matcher(JsonNode widget) {
        String text = "text".equals(widget.path("type").asText()) ? widget.path("properties").path("markdown").asText("") : "";
        return MARK.matcher(text);
    }
}
