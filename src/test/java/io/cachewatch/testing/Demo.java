package io.cachewatch.testing;

import java.util.List;
import java.util.TreeMap;

/**
 * The local demo behind {@code ./demo/run}: starts moto and the CloudWatch bridge, creates a small mixed fleet
 * (replicated Redis OSS, cluster-mode Valkey, Memcached, single-node Redis OSS, MemoryDB), then runs the packaged jar
 * as a user would: {@code discover}, {@code reconcile} (creates the alarms at CloudWatch's pace), and
 * {@code reconcile --check} (in sync). With {@code --keep} the servers stay up and the environment to point your own
 * shell at them is printed.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        // exit only after the servers are closed: System.exit inside the try would leave moto running
        System.exit(run(List.of(args).contains("--keep")));
    }

    private static int run(boolean keep) throws Exception {
        try (MotoServer moto = MotoServer.start(); CloudWatchBridge bridge = CloudWatchBridge.start(moto.endpoint());
             DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            List<String> clusters = fleet.seedStandard();
            System.out.println("== moto on " + moto.endpoint() + ", CloudWatch bridge on " + bridge.endpoint()
                    + "; demo fleet: " + String.join(", ", clusters));
            CachewatchJar cachewatch = CachewatchJar.packaged().against(moto, bridge);
            cachewatch.env("CACHEWATCH_RATES_PUT_METRIC_ALARM", "3").env("CACHEWATCH_RATES_DELETE_ALARMS", "3");
            int exit = step(cachewatch, "discover");
            exit = Math.max(exit, step(cachewatch, "reconcile"));
            exit = Math.max(exit, step(cachewatch, "reconcile", "--check"));
            if (keep) {
                System.out.println("\n== servers stay up until Ctrl-C. In another shell:");
                new TreeMap<>(cachewatch.environment()).forEach((k, v) -> System.out.println("export " + k + "=" + v));
                System.out.println("java -jar target/quarkus-app/quarkus-run.jar reconcile --dry-run");
                Thread.currentThread().join();
            }
            return exit;
        }
    }

    private static int step(CachewatchJar cachewatch, String... args) {
        System.out.println("\n== cachewatch " + String.join(" ", args));
        int exit = cachewatch.runOnTerminal(args);
        System.out.println("== exit code " + exit);
        return exit;
    }

}
