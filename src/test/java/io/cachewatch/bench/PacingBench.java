package io.cachewatch.bench;

import io.cachewatch.alarm.AlarmDescription;
import io.cachewatch.alarm.AlarmOwner;
import io.cachewatch.alarm.AlarmSpec;
import io.cachewatch.alarm.AlarmStoreException;
import io.cachewatch.alarm.Comparison;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.alarm.Dimension;
import io.cachewatch.alarm.TreatMissingData;
import io.cachewatch.aws.AwsRetry;
import io.cachewatch.aws.cloudwatch.CloudWatchAlarmStore;
import io.cachewatch.aws.cloudwatch.CloudWatchPacers;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.CloudWatchTestbed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Measures how long the PutMetricAlarm pacer takes to write N alarms at Q permits/s, against moto through the bridge.
 * A benchmark, not a test: timings depend on the machine, so tests only assert outcomes.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cachewatch.bench.PacingBench
 * [-Dexec.args="N Q"]</pre>
 * The bound 1.15·N/Q allows the pacer 15 % over the ideal N/Q for per-call latency.
 */
public final class PacingBench {
    private PacingBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        double q = args.length > 1 ? Double.parseDouble(args[1]) : 3.0;
        try (CloudWatchTestbed testbed = CloudWatchTestbed.start()) {
            CloudWatchBridge bridge = testbed.bridge();
            CloudWatchClient client = testbed.client(AwsRetry.strategy(3));
            CloudWatchPacers pacers = CloudWatchPacers.of("us-east-1", q, CloudWatchPacers.DESCRIBE_ALARMS_TPS,
                    CloudWatchPacers.DELETE_ALARMS_TPS);
            CloudWatchAlarmStore store = new CloudWatchAlarmStore(client, pacers);
            store.put(alarm("bench-warmup")); // first-call costs (class loading, connection) are not pacing
            bridge.calls().reset();

            int failures = 0;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                try {
                    store.put(alarm("bench-" + i));
                } catch (AlarmStoreException e) {
                    failures++;
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d writes at %s/s: elapsed %.2f s, bound 1.15*N/Q = %.2f s, failures %d"
                            + " (PutMetricAlarm requests seen: %d)%n",
                    n, fmt(q), elapsed, 1.15 * n / q, failures, bridge.calls().count("PutMetricAlarm"));
        }
    }

    private static String fmt(double q) {
        return q == Math.rint(q) ? Long.toString((long) q) : Double.toString(q);
    }

    private static DesiredAlarm alarm(String name) {
        AlarmOwner owner = new AlarmOwner("us-east-1", "bench", null, "cpu", "default");
        AlarmSpec spec = new AlarmSpec("AWS/ElastiCache", "CPUUtilization",
                List.of(new Dimension("CacheClusterId", "bench-001")), "Average", 60, 5, 5, Comparison.GREATER_THAN,
                80, TreatMissingData.missing, AlarmDescription.render(owner, null), true, List.of(), List.of());
        return new DesiredAlarm(name, spec, owner, "warning", Map.of());
    }
}
