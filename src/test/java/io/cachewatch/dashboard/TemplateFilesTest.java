package io.cachewatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template directory read entry by entry: one bad entry is named, the others still load. */
class TemplateFilesTest {
    @TempDir
    Path dir;

    @Test
    void directoriesDanglingLinksAndOversizedFilesAreNamedAndTheRestLoads() throws IOException {
        Files.writeString(dir.resolve("small.json.qute"), "{\"widgets\":[]}");
        Files.createDirectory(dir.resolve("folder.json.qute"));
        Files.createSymbolicLink(dir.resolve("gone.json.qute"), dir.resolve("nowhere"));
        Files.writeString(dir.resolve("huge.json.qute"), "x".repeat(2 << 20));

        DashboardTemplates templates = DashboardTemplates.load(dir);

        assertThat(templates.names()).containsExactly("small");
        assertThat(templates.problems()).containsExactlyInAnyOrder(
                dir.resolve("folder.json.qute") + ": a directory, not a file",
                dir.resolve("gone.json.qute") + ": a symbolic link to a file that does not exist",
                dir.resolve("huge.json.qute") + ": larger than the limit of 1 MiB for this kind of file");
    }
}
