package io.cachewatch.cli;

import io.cachewatch.plan.ApplyProgress;
import java.io.PrintStream;
import java.time.Duration;

/** One self-rewriting line on stderr while changes are applied: done/total, rate and time left. */
final class TerminalProgress implements ApplyProgress {
    private static final long REDRAW_NANOS = 250_000_000L;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private long lastDraw;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** Progress only where a person watches: a terminal, not a pipe or a CI log. */
    static ApplyProgress forConsole(boolean enabled) {
        return enabled && System.console() != null ? new TerminalProgress(System.err) : ApplyProgress.NONE;
    }

    @Override
    public synchronized void advanced(int done, int total) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        err.print("\r" + line(done, total, Duration.ofNanos(now - started)) + (done >= total ? "\n" : ""));
        err.flush();
    }

    static String line(int done, int total, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
        double rate = done / seconds;
        long left = rate > 0 ? Math.round((total - done) / rate) : -1;
        return String.format("applying %d/%d  %.1f/s  %s left   ", done, total, rate,
                left < 0 ? "?" : left >= 60 ? (left / 60) + "m" + (left % 60) + "s" : left + "s");
    }
}
