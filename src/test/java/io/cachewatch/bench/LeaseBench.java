package io.cachewatch.bench;

import io.cachewatch.aws.dynamodb.DynamoDbLeaseStore;
import io.cachewatch.testing.StateTables;
import io.cachewatch.lease.LeaseKeeper;
import io.cachewatch.lease.LeasePlan;
import io.cachewatch.testing.MotoServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Two tasks sharing 20 targets through the DynamoDB lease store (moto), each running its lease rounds on a thread of
 * its own every check interval as serve does, on the real clock. Prints the DynamoDB calls per minute at rest (by
 * operation), the time from one task handing its leases back (SIGTERM) to the other holding all of them, and the
 * time from one task stopping without a word (kill -9) to the other holding all of them.
 *
 * <p>Arguments: lease duration in seconds (30), check interval in ms (1000), minutes at rest (1).
 */
public final class LeaseBench {
    private static final Map<String, AtomicLong> CALLS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        long duration = (args.length > 0 ? Long.parseLong(args[0]) : 30) * 1000;
        long check = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        double minutes = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        List<String> targets = IntStream.range(0, 20).mapToObj(i -> "target-" + i).toList();
        try (MotoServer moto = MotoServer.start(); DynamoDbClient ddb = client(moto.endpoint())) {
            StateTables.create(ddb, "cachewatch-state");
            DynamoDbLeaseStore store = new DynamoDbLeaseStore(() -> ddb, "cachewatch-state", Duration.ofMillis(Math.min(duration / 3, 5_000)));
            LeaseKeeper.Settings a = new LeaseKeeper.Settings("task-a", new LeasePlan.Timing(duration, duration / 3), duration / 6);
            LeaseKeeper.Settings b = new LeaseKeeper.Settings("task-b", new LeasePlan.Timing(duration, duration / 3), duration / 6);
            LeaseKeeper ka = new LeaseKeeper(a, targets, store, System::currentTimeMillis);
            LeaseKeeper kb = new LeaseKeeper(b, targets, store, System::currentTimeMillis);
            ScheduledExecutorService ra = rounds(ka, check);
            ScheduledExecutorService rb = rounds(kb, check);
            while (ka.held().size() != 10 || kb.held().size() != 10) {
                Thread.sleep(50);
            }
            // one full renewal interval, so the figures start at rest
            Thread.sleep(duration / 3);
            CALLS.clear();
            long atRest = (long) (minutes * 60_000);
            long start = System.nanoTime();
            Thread.sleep(atRest);
            double elapsedMin = (System.nanoTime() - start) / 60e9;
            Map<String, Long> byOperation = new TreeMap<>();
            CALLS.forEach((op, n) -> byOperation.put(op, n.get()));
            long total = byOperation.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("leases: 2 tasks, %d targets, lease %d s, renewal every %d s, check every %d ms, %.2f min at rest%n",
                    targets.size(), duration / 1000, duration / 3000, check, elapsedMin);
            byOperation.forEach((op, n) -> System.out.printf("  %-24s %7.1f calls/min%n", op, n / elapsedMin));
            System.out.printf("  %-24s %7.1f calls/min (both tasks)%n", "total", total / elapsedMin);
            System.out.printf("  held: task-a %d, task-b %d%n", ka.held().size(), kb.held().size());

            // SIGTERM: a hands back, b takes at its next round
            long handBack = System.nanoTime();
            ra.shutdownNow();
            ka.releaseAll();
            while (kb.held().size() != targets.size()) {
                Thread.sleep(5);
            }
            System.out.printf("takeover after hand-back (SIGTERM): %d ms%n", (System.nanoTime() - handBack) / 1_000_000);

            // kill -9: a new task c takes half, then stops renewing; b takes its targets once they lapse
            LeaseKeeper kc = new LeaseKeeper(new LeaseKeeper.Settings("task-c", new LeasePlan.Timing(duration, duration / 3), duration / 6),
                    targets, store, System::currentTimeMillis);
            ScheduledExecutorService rc = rounds(kc, check);
            while (kc.held().size() != 10 || kb.held().size() != 10) {
                Thread.sleep(50);
            }
            long killed = System.nanoTime();
            rc.shutdownNow();
            while (kb.held().size() != targets.size()) {
                Thread.sleep(5);
            }
            System.out.printf("takeover after kill -9: %d ms (bound: lease %d ms + check %d ms)%n", (System.nanoTime() - killed) / 1_000_000,
                    duration, check);
            rb.shutdownNow();
        }
    }

    private static ScheduledExecutorService rounds(LeaseKeeper keeper, long check) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
        s.scheduleWithFixedDelay(keeper::round, 0, check, TimeUnit.MILLISECONDS);
        return s;
    }

    private static DynamoDbClient client(URI endpoint) {
        ExecutionInterceptor count = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                CALLS.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicLong()).incrementAndGet();
            }
        };
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create()).overrideConfiguration(o -> o.addExecutionInterceptor(count)).build();
    }
}
