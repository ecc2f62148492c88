package io.cachewatch.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile directory checked entry by entry, and files that are not profiles at all. */
class ProfileFilesTest {
    private static final String VALID = """
            rules:
              - id: cpu-high
                kind: elasticache
                engine: [redis, valkey]
                metric: EngineCPUUtilization
                comparison: ">"
                threshold: 80
                severity: critical
            """;

    @TempDir
    Path dir;

    private List<String> problems() {
        return ProfileDir.problems(dir).stream().map(ProfileProblem::toString).toList();
    }

    @Test
    void aDirectoryNamedLikeAProfileIsAProblemNotSkipped() throws IOException {
        ProfileDir.write(dir, "default.yaml", VALID);
        Files.createDirectory(dir.resolve("production.yaml"));
        assertThat(problems()).containsExactly(dir.resolve("production.yaml") + ": a directory, not a file");
    }

    @Test
    void aDanglingSymlinkNamedLikeAProfileIsAProblem() throws IOException {
        ProfileDir.write(dir, "default.yaml", VALID);
        Files.createSymbolicLink(dir.resolve("staging.yml"), dir.resolve("gone.yaml"));
        assertThat(problems()).containsExactly(dir.resolve("staging.yml") + ": a symbolic link to a file that does not exist");
    }

    @Test
    void anEmptyProfileFileIsAProblem() throws IOException {
        ProfileDir.write(dir, "default.yaml", VALID);
        ProfileDir.write(dir, "empty.yaml", "# nothing yet\n\n");
        assertThat(problems()).containsExactly(dir.resolve("empty.yaml") + ":1: empty file: a profile has rules, or extends another profile");
    }

    @Test
    void anUnreadableFileIsReportedWithItsPathAndNoLineZero() throws IOException {
        Path file = ProfileDir.write(dir, "secret.yaml", VALID);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as a user who reads every file (root)");
        assertThat(problems()).containsExactly(file + ": cannot be read: permission denied");
    }

    @Test
    void aFileThatFailsToReadEvenForRootIsReportedWithItsPathAndNoLineZero() throws IOException {
        // reading /proc/self/mem from offset 0 fails with an I/O error whoever reads it
        Path mem = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(mem), "no /proc/self/mem here");
        ProfileDir.write(dir, "default.yaml", VALID);
        Path link = Files.createSymbolicLink(dir.resolve("broken.yaml"), mem);
        assertThat(problems()).singleElement().asString().startsWith(link + ": cannot be read: ");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeParsingWithTheLimitNamed() throws IOException {
        // one 10 MB scalar: parsed, this took ~45 s and ~1 GB
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, "description: " + "9".repeat(10_000_000) + "\n");
        assertThat(problems()).containsExactly(file + ": larger than the limit of 1 MiB for this kind of file");
    }

    @Test
    void notUtf8IsAProblem() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'d', 'e', 's', 'c', 'r', 'i', 'p', 't', 'i', 'o', 'n', ':', ' ', (byte) 0xe9, '\n'});
        assertThat(problems()).containsExactly(file + ": not UTF-8 text");
    }

    @Test
    void aliasChainsThatWouldExpandBeyondAnyProfileAreRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 40; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        Path file = ProfileDir.write(dir, "bomb.yaml", yaml.toString());
        assertThat(problems()).singleElement().asString().startsWith(file + ":1: ")
                .satisfiesAnyOf(p -> assertThat(p).contains("more than 100000 YAML values"), p -> assertThat(p).contains("aliases"));
    }

    @Test
    void anUnquotedGreaterThanGetsAHint() throws IOException {
        Path file = ProfileDir.write(dir, "p.yaml", VALID.replace("comparison: \">\"", "comparison: >"));
        assertThat(problems()).singleElement().asString()
                .startsWith(file + ":6: rules[0].comparison: unknown comparison ''")
                .endsWith("quote it: comparison: \">\"");
        ProfileDir.write(dir, "p.yaml", VALID.replace("comparison: \">\"", "comparison: >="));
        assertThat(problems()).singleElement().asString()
                .startsWith(file + ":6: YAML syntax:")
                .endsWith("(a bare >= is YAML syntax; quote it: comparison: \">=\")");
    }
}
