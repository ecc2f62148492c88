package io.cachewatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An application.yaml for slow-log tests, for {@code QUARKUS_CONFIG_LOCATIONS}. */
public final class SlowlogConfig {
    private SlowlogConfig() {
    }

    /**
     * Writes {@code dir/application.yaml}: findings go to {@code topic}, state to {@code dir/state.json}, each cluster is
     * read at its redis:// address; {@code slowlog} adds lines under {@code cachewatch.slowlog} ("key: value").
     */
    public static Path write(Path dir, String topic, Map<String, String> overrides, String... slowlog) {
        List<String> lines = new ArrayList<>(List.of("cachewatch:", "  notify:", "    default-topic: " + topic, "  slowlog:",
                "    state-file: " + dir.resolve("state.json")));
        for (String line : slowlog) {
            lines.add("    " + line);
        }
        lines.add("    endpoint-overrides:");
        overrides.forEach((cluster, address) -> lines.add("      " + cluster + ": redis://" + address));
        Path file = dir.resolve("application.yaml");
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
