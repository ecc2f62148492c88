package io.cachewatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: commands at the top, then composition, then the pipeline, then the kinds and the core.
 * Read from the sources' imports (and fully qualified names), so a new file cannot quietly turn an arrow around.
 */
class DependencyDirectionTest {
    private static final Path SOURCES = Path.of("src/main/java/io/cachewatch");
    private static final Pattern USE = Pattern.compile("io\\.cachewatch\\.([a-z]+)(?:\\.[a-z]+)*\\.[A-Z]");

    /** "file -> package" for every use of another cachewatch package. */
    private static List<String> uses(String fromPackage) throws IOException {
        List<String> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(fromPackage))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    uses.add(SOURCES.relativize(file) + " -> " + m.group(1));
                }
            }
        }
        return uses;
    }

    private static List<String> packagesBut(String... excluded) throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(p -> !List.of(excluded).contains(p)).toList();
        }
    }

    @Test
    void nothingOutsideCliUsesCli() throws IOException {
        for (String pkg : packagesBut("cli")) {
            assertThat(uses(pkg)).as(pkg).noneMatch(u -> u.endsWith(" -> cli"));
        }
    }

    @Test
    void thePipelineKnowsNoKindAndNoComposition() throws IOException {
        for (String pkg : List.of("plan", "reconcile")) {
            assertThat(uses(pkg)).as(pkg).allMatch(u -> u.matches(".* -> (inventory|plan|report)"));
        }
    }

    @Test
    void theCoreUsesNoComposition() throws IOException {
        for (String pkg : List.of("inventory", "profile", "alarm", "dashboard", "plan", "report", "slowlog", "notify")) {
            assertThat(uses(pkg)).as(pkg).noneMatch(u -> u.matches(".* -> (cli|wiring|serve|collect|reconcile|aws|redis)"));
        }
    }
}
