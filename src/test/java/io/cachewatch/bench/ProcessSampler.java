package io.cachewatch.bench;

import io.cachewatch.testing.RedisServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of another process, from /proc (Linux): what the process itself costs, without the
 * servers it talks to.
 */
final class ProcessSampler {
    /** One reading: CPU seconds used so far (user + system), resident and peak resident memory in KiB, at nanoTime. */
    record Sample(long nanoTime, double cpuSeconds, long rssKib, long peakRssKib) {
        /** CPU used between the two samples, as a percentage of one core. */
        double cpuPercentSince(Sample earlier) {
            return 100.0 * (cpuSeconds - earlier.cpuSeconds) / ((nanoTime - earlier.nanoTime) / 1e9);
        }
    }

    private final long pid;
    private final double ticksPerSecond;

    ProcessSampler(long pid) {
        this.pid = pid;
        this.ticksPerSecond = Double.parseDouble(RedisServers.run(List.of("getconf", "CLK_TCK")).trim());
    }

    /** /proc/loadavg: figures taken on a busy machine are printed with it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Sample sample() {
        try {
            long now = System.nanoTime();
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces: utime and stime are 14 and 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / ticksPerSecond;
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            return new Sample(now, cpu, kib(status, "VmRSS"), kib(status, "VmHWM"));
        } catch (IOException e) {
            throw new UncheckedIOException("process " + pid + " is gone", e);
        }
    }

    private static long kib(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IllegalStateException(field + " missing from /proc status");
    }
}
