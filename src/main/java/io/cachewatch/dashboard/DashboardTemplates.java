package io.cachewatch.dashboard;

import io.cachewatch.files.InputFile;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.UserTagSectionHelper;
import io.quarkus.qute.ValueResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The dashboard templates of a directory ({@code dashboards/*.json.qute}), parsed with a standalone Qute engine (no
 * CDI). A template's name is its file name without {@code .json.qute}. Templates are data: people replace or add them
 * without touching Java. Problems (unreadable file, Qute syntax) name the file and line and are reported before any
 * AWS call, like profile problems.
 *
 * <p>Files under {@code dashboards/tags/} are Qute user tags: {@code tags/signal.json.qute} is used as
 * {@code {#signal metric="EngineCPUUtilization" title="Engine CPU" /}}, so a template says once how a row of one
 * signal is drawn and lists its signals one per line.
 */
public final class DashboardTemplates {
    public static final String EXTENSION = ".json.qute";
    /** Subdirectory of user tags. */
    public static final String TAGS = "tags";

    /** A parsed template and the file it came from. */
    public record Source(String name, String file, Template template) {
    }

    private final Map<String, Source> templates;
    private final List<String> problems;

    private DashboardTemplates(Map<String, Source> templates, List<String> problems) {
        this.templates = Map.copyOf(templates);
        this.problems = List.copyOf(problems);
    }

    public static DashboardTemplates load(Path dir) {
        Map<String, String> sources = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new DashboardTemplates(Map.of(), List.of(dir + ": dashboard template directory not found"));
        }
        for (Path d : List.of(dir, dir.resolve(TAGS))) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> listing = Files.list(d)) {
                files = listing.filter(f -> f.getFileName().toString().endsWith(EXTENSION)).sorted().toList();
            } catch (IOException e) {
                problems.add(d + ": cannot list the directory: " + e.getMessage());
                continue;
            }
            for (Path file : files) {
                // entry by entry, bounded: a directory, dangling link or oversized file named *.json.qute is a problem
                try {
                    sources.put(file.toString(), InputFile.readText(file, InputFile.MAX_TEMPLATE_BYTES));
                } catch (InputFile.Unusable e) {
                    problems.add(file + ": " + e.getMessage());
                }
            }
        }
        DashboardTemplates parsed = of(sources);
        problems.addAll(parsed.problems);
        return new DashboardTemplates(parsed.templates, problems);
    }

    /** From file name → text (tests, docs); the name of each template is the file name without directory and extension. */
    public static DashboardTemplates of(Map<String, String> sources) {
        Map<String, String> tags = new TreeMap<>();
        Map<String, String> pages = new TreeMap<>();
        sources.forEach((file, text) -> (isTag(file) ? tags : pages).put(file, text));
        Engine engine = engine(tags.keySet().stream().map(DashboardTemplates::nameOf).toList());
        Map<String, Source> templates = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        tags.forEach((file, text) -> parse(engine, file, text, problems)
                .ifPresent(t -> engine.putTemplate(TAGS + "/" + nameOf(file), t)));
        pages.forEach((file, text) -> parse(engine, file, text, problems)
                .ifPresent(t -> templates.put(nameOf(file), new Source(nameOf(file), file, t))));
        return new DashboardTemplates(templates, problems);
    }

    private static Optional<Template> parse(Engine engine, String file, String text, List<String> problems) {
        try {
            return Optional.of(engine.parse(text, null, file));
        } catch (TemplateException e) {
            problems.add(file + ":" + line(e) + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isTag(String file) {
        Path parent = Path.of(file).getParent();
        return parent != null && parent.getFileName().toString().equals(TAGS);
    }

    private static String nameOf(String file) {
        String base = Path.of(file).getFileName().toString();
        return base.substring(0, base.length() - EXTENSION.length());
    }

    public Optional<Source> find(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    public List<String> names() {
        return templates.keySet().stream().sorted().toList();
    }

    /** A template a cluster may use: any but the region overview, whose view is a different one. */
    public Optional<Source> findForCluster(String name) {
        return name.equals(DashboardRenderer.FLEET) ? Optional.empty() : find(name);
    }

    /** Names a cluster may choose, sorted. */
    public List<String> clusterNames() {
        return names().stream().filter(n -> !n.equals(DashboardRenderer.FLEET)).toList();
    }

    public List<String> problems() {
        return problems;
    }

    /** Renders; a Qute error becomes a message with the template's file and line. */
    public static String render(Source source, Object view) throws RenderProblem {
        try {
            return source.template().data("it", view).data(view instanceof FleetView ? "fleet" : "cluster", view).render();
        } catch (TemplateException e) {
            throw new RenderProblem(source.file() + ":" + line(e) + ": " + e.getMessage());
        }
    }

    /** A template that failed to render or rendered something CloudWatch would not accept. */
    public static final class RenderProblem extends Exception {
        public RenderProblem(String message) {
            super(message);
        }
    }

    private static int line(TemplateException e) {
        return e.getOrigin() == null ? 0 : e.getOrigin().getLine();
    }

    /**
     * Defaults plus reflection (record accessors), {@code .json}/{@code .esc} on strings and
     * {@code thresholds.<Metric>} or {@code thresholds.of(metric)}.
     */
    private static Engine engine(List<String> tags) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        EngineBuilder builder = Engine.builder();
        tags.forEach(tag -> builder.addSectionHelper(new UserTagSectionHelper.Factory(tag, TAGS + "/" + tag)));
        return builder.addDefaults().addValueResolver(new ReflectionValueResolver())
                .addValueResolver(ValueResolver.builder().applyToBaseClass(String.class).applyToName("json")
                        .resolveSync(ctx -> "\"" + new String(encoder.quoteAsString((String) ctx.getBase())) + "\"").build())
                .addValueResolver(ValueResolver.builder().applyToBaseClass(String.class).applyToName("esc")
                        .resolveSync(ctx -> new String(encoder.quoteAsString((String) ctx.getBase()))).build())
                .addValueResolver(ValueResolver.builder().applyToBaseClass(Thresholds.class).applyToName("of").applyToParameters(1)
                        .resolveAsync(ctx -> ctx.evaluate(ctx.getParams().get(0))
                                .thenApply(metric -> ((Thresholds) ctx.getBase()).of(String.valueOf(metric)))).build())
                .addValueResolver(ValueResolver.builder().applyToBaseClass(Thresholds.class).applyToNoParameters()
                        .resolveSync(ctx -> ((Thresholds) ctx.getBase()).of(ctx.getName())).build())
                .removeStandaloneLines(true)
                .build();
    }
}
