package io.cachewatch.serve;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** How serve's own schedules (slow-log reads, audits) stop on SIGTERM. */
final class Schedules {
    private Schedules() {
    }

    /**
     * Shuts the executor down: what runs gets half the timeout to end by itself; then {@code beforeInterrupt} runs
     * (closing what the run waits on, so it cannot start more) and the run is interrupted and gets the other half.
     * True when everything ended in time.
     */
    static boolean stop(ExecutorService executor, Duration timeout, Runnable beforeInterrupt) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(timeout.toMillis() / 2, TimeUnit.MILLISECONDS)) {
                return true;
            }
            beforeInterrupt.run();
            executor.shutdownNow();
            return executor.awaitTermination(timeout.toMillis() / 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
