package io.cachewatch.bench;

import io.cachewatch.console.ClusterStatus;
import io.cachewatch.console.ClusterStatuses;
import io.cachewatch.console.ConsoleFixtures;
import io.cachewatch.console.FindingView;
import io.cachewatch.console.FleetFilter;
import io.cachewatch.serve.StatusPages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rendering the console for N clusters (default 1,000, two nodes and two alarms each, one in ten firing, one in five
 * with a slow-log finding): building the statuses from a run, the fleet page unfiltered and {@code ?firing}, and one
 * cluster page. Prints median, p90, p99 and max over the timed rounds after a warm-up, and the page size.
 */
public final class StatusPageBench {
    public static void main(String[] args) {
        int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        ClusterStatuses.Run run = ConsoleFixtures.fleet(clusters);
        List<ClusterStatus> fleet = withFindings(ClusterStatuses.of(run));
        StatusPages pages = new StatusPages();
        Instant now = Instant.now();
        System.out.printf("%d clusters, %d nodes, %d alarms, %d rounds after %d warm-up rounds (%s %s)%n", clusters,
                fleet.stream().mapToInt(ClusterStatus::nodeCount).sum(), fleet.stream().mapToInt(c -> c.alarms().managed()).sum(),
                rounds, rounds, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        measure("build statuses from a run", rounds, () -> ClusterStatuses.of(run).size());
        measure("fleet page, all clusters", rounds, () -> pages.fleet(fleet, List.of(), FleetFilter.ALL, true, now).length());
        measure("fleet page, ?firing", rounds, () -> pages.fleet(fleet, List.of(), new FleetFilter(true, null, null), true, now).length());
        measure("cluster page", rounds, () -> pages.cluster(fleet.get(0), "", "").length());
    }

    private static List<ClusterStatus> withFindings(List<ClusterStatus> fleet) {
        List<ClusterStatus> out = new ArrayList<>();
        for (int i = 0; i < fleet.size(); i++) {
            ClusterStatus c = fleet.get(i);
            out.add(i % 5 != 0 ? c : c.withFindings(List.of(new FindingView("warning", "keys", "KEYS scans the whole keyspace", 3,
                    1_200_000L, "1.20 s", List.of("KEYS user:{n}:*"), List.of(c.id() + "-001"), List.of("Replace KEYS with SCAN."),
                    Instant.EPOCH)), Instant.EPOCH));
        }
        return out;
    }

    private interface Work {
        int run();
    }

    private static void measure(String what, int rounds, Work work) {
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            sink += work.run();
        }
        long[] nanos = new long[rounds];
        int size = 0;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            size = work.run();
            nanos[i] = System.nanoTime() - start;
            sink += size;
        }
        Arrays.sort(nanos);
        System.out.printf("%-28s median %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%s %,d)%n", what, ms(nanos[rounds / 2]),
                ms(nanos[rounds * 9 / 10]), ms(nanos[Math.min(rounds - 1, rounds * 99 / 100)]), ms(nanos[rounds - 1]),
                what.startsWith("build") ? "clusters" : "chars", size);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
