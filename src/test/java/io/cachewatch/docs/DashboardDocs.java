package io.cachewatch.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachewatch.dashboard.DashboardFixtures;
import io.cachewatch.dashboard.DashboardJson;
import io.cachewatch.dashboard.DesiredDashboard;
import io.cachewatch.dashboard.RenderedRegion;
import io.cachewatch.inventory.Cluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes the rendered example of every shipped template (the fixture fleet: one cluster per topology) to
 * {@code docs/dashboards/<template>.json}, with a picture of its widget grid ({@code .svg}), so that a template change
 * can be reviewed in a pull request without AWS.
 *
 * <pre>./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cachewatch.docs.DashboardDocs</pre>
 */
public final class DashboardDocs {
    private DashboardDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/dashboards");
        Files.createDirectories(out);
        RenderedRegion rendered = DashboardFixtures.render(DashboardFixtures.renderer(),
                DashboardFixtures.everyTopology().toArray(Cluster[]::new));
        Set<String> done = new HashSet<>();
        for (DesiredDashboard d : rendered.dashboards()) {
            if (!done.add(d.template())) {
                continue; // one example per template: the first cluster that uses it
            }
            Files.writeString(out.resolve(d.template() + ".json"), DashboardJson.pretty(d.body()) + "\n");
            Files.writeString(out.resolve(d.template() + ".svg"), GridSvg.draw(d.name(), d.body()));
            System.out.println(d.template() + ": " + d.name());
        }
    }

    /** Draws a dashboard's widgets where CloudWatch places them on its 24-column grid. */
    static final class GridSvg {
        private static final int COLUMN = 40;
        private static final int ROW = 22;

        private GridSvg() {
        }

        static String draw(String name, JsonNode body) {
            int bottom = 0;
            for (JsonNode w : body.path("widgets")) {
                bottom = Math.max(bottom, w.path("y").asInt() + w.path("height").asInt());
            }
            int width = DashboardJson.GRID_WIDTH * COLUMN;
            int height = bottom * ROW + 30;
            StringBuilder svg = new StringBuilder();
            svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
            svg.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"#f4f4f4\"/>%n", width, height));
            svg.append(String.format("<text x=\"4\" y=\"18\" font-weight=\"bold\">%s</text>%n", escape(name)));
            for (JsonNode w : body.path("widgets")) {
                int x = w.path("x").asInt() * COLUMN;
                int y = 30 + w.path("y").asInt() * ROW;
                int wd = w.path("width").asInt() * COLUMN;
                int ht = w.path("height").asInt() * ROW;
                String type = w.path("type").asText();
                String fill = switch (type) {
                    case "alarm" -> "#fde2e1";
                    case "text" -> "#fff8d6";
                    default -> "#ffffff";
                };
                svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#888\"/>%n", x + 2, y + 2, wd - 4, ht - 4, fill));
                String title = w.at("/properties/title").asText(type.equals("text") ? firstLine(w.at("/properties/markdown").asText()) : type);
                svg.append(String.format("<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x + 8, y + 18, escape(title)));
                String detail = switch (type) {
                    case "metric" -> w.at("/properties/metrics").size() + " line(s), " + w.at("/properties/stat").asText("query")
                            + (w.at("/properties/annotations/horizontal").size() > 0 ? ", thresholds " + thresholds(w) : "");
                    case "alarm" -> w.at("/properties/alarms").size() + " alarm(s)";
                    default -> "text";
                };
                svg.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"#555\">%s</text>%n", x + 8, y + 34, escape(detail)));
            }
            return svg.append("</svg>\n").toString();
        }

        private static String thresholds(JsonNode widget) {
            StringBuilder b = new StringBuilder();
            widget.at("/properties/annotations/horizontal").forEach(a -> b.append(b.length() == 0 ? "" : ", ").append(a.path("label").asText()));
            return b.toString();
        }

        private static String firstLine(String markdown) {
            return markdown.lines().findFirst().orElse("").replaceFirst("^#+ ", "");
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
