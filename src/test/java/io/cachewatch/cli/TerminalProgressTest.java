package io.cachewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    @Test
    void theLineShowsDoneTotalRateAndTimeLeft() {
        assertThat(TerminalProgress.line(30, 120, Duration.ofSeconds(10))).startsWith("applying 30/120  3.0/s  30s left");
        assertThat(TerminalProgress.line(3, 1000, Duration.ofSeconds(1))).contains("3.0/s", "5m32s left");
        assertThat(TerminalProgress.line(0, 10, Duration.ZERO)).contains("? left");
    }

    @Test
    void theLastUpdateEndsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.advanced(1, 2);
        progress.advanced(2, 2);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rapplying 1/2").contains("\rapplying 2/2").endsWith("\n");
    }
}
