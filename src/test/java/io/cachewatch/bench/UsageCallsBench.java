package io.cachewatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.audit.AuditRun;
import io.cachewatch.audit.Auditor;
import io.cachewatch.audit.Status;
import io.cachewatch.aws.cloudwatch.CloudWatchMetricReader;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.InventoryJson;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileSelector;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoServer;
import io.cachewatch.usage.FleetUsage;
import io.cachewatch.usage.MetricQuery;
import io.cachewatch.usage.Series;
import io.cachewatch.usage.UsagePlan;
import io.cachewatch.wiring.AuditUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The GetMetricData pass of the usage checks for the 200-cluster / 1,000-node benchmark fleet over a 14-day lookback:
 * <ol>
 *   <li>{@code audit --output json} with the packaged jar against moto: the run's {@code apiCalls} (GetMetricData calls
 *       against the target ⌈queries / 500⌉) and its wall time;</li>
 *   <li>the same pass in-process on the discovered inventory (UsagePlan → CloudWatchMetricReader → assembly): queries,
 *       calls, expected datapoints and the pass's wall time through the CBOR bridge;</li>
 *   <li>the pure part on full figures: every query answered with 14 days of datapoints (hourly ones with 336), assembled
 *       and judged by the whole catalog, no I/O.</li>
 * </ol>
 * moto holds no metric history here (seeding 476,000 datapoints would make moto's GetMetricData, which scans every
 * datapoint for every period of every query, run for hours): moto answers empty series, so 1 and 2 time requests and
 * their encoding, not CloudWatch's aggregation.
 *
 * <pre>./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.cachewatch.bench.UsageCallsBench</pre>
 */
public final class UsageCallsBench {
    private UsageCallsBench() {
    }

    public static void main(String[] args) throws Exception {
        try (MotoServer moto = MotoServer.start(); CloudWatchBridge bridge = CloudWatchBridge.start(moto.endpoint());
             DemoFleet fleet = new DemoFleet(moto.endpoint());
             CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(bridge.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            int clusters = fleet.seedScale();
            CachewatchJar cachewatch = CachewatchJar.packaged().against(moto, bridge).env("CACHEWATCH_AWS_MAX_ATTEMPTS", "1");

            // 1. the audit as a user runs it
            long started = System.nanoTime();
            CachewatchJar.Result audited = cachewatch.run("audit", "--output", "json", "--fail-on", "never");
            double auditSeconds = (System.nanoTime() - started) / 1e9;
            JsonNode doc = new ObjectMapper().readTree(audited.stdout());
            System.out.printf("1. audit of %d clusters: %d results, %.1f s wall (JVM start and discovery included), GetMetricData calls: %d%n",
                    clusters, doc.get("results").size(), auditSeconds, doc.at("/apiCalls/CloudWatch.GetMetricData").asInt());

            // 2. the pass alone, in-process, on the same inventory
            Path inventory = Files.createTempFile("bench-inventory", ".json");
            Files.writeString(inventory, cachewatch.run("discover", "--output", "json").stdout());
            Fleet discovered = InventoryJson.read(inventory);
            Duration lookback = Duration.ofDays(14);
            Instant now = Instant.now();
            Instant to = now.truncatedTo(ChronoUnit.HOURS);
            UsagePlan plan = UsagePlan.of(discovered.clusters(), to.minus(lookback), to);
            List<MetricQuery> queries = plan.queries();
            long hourly = queries.stream().filter(q -> q.periodSeconds() == 3600).count();
            long expectedPoints = queries.stream().mapToLong(q -> lookback.getSeconds() / q.periodSeconds()).sum();
            bridge.calls().reset();
            started = System.nanoTime();
            AuditUsage.Read read = AuditUsage.read(discovered, new CloudWatchMetricReader(r -> cloudWatch), lookback, now);
            double passSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("2. %d nodes, %d queries (%d hourly, %d daily), %,d datapoints at most; target ceil(%d / 500) = %d calls;"
                            + " made %d (bridge saw %d), %.1f s wall; errors: %s%n",
                    discovered.clusters().stream().mapToInt(c -> c.nodes().size()).sum(), queries.size(), hourly, queries.size() - hourly,
                    expectedPoints, queries.size(), (queries.size() + 499) / 500, read.calls(), bridge.calls().count("GetMetricData"),
                    passSeconds, read.errors());

            // 3. the pure part on full figures
            List<Series> answers = new ArrayList<>();
            for (MetricQuery q : queries) {
                List<Series.Point> points = new ArrayList<>();
                for (Instant at = plan.from(); at.isBefore(plan.to()); at = at.plusSeconds(q.periodSeconds())) {
                    points.add(new Series.Point(at, 10 + (at.atZone(ZoneOffset.UTC).getHour() % 7)));
                }
                answers.add(new Series(points));
            }
            ProfileCatalog profiles = ProfileCatalog.load(Path.of("alarm-profiles"));
            ProfileSelector selector = new ProfileSelector("default", "Environment", Map.of("production", "production", "development", "development"));
            for (int round = 0; round < 3; round++) { // the first rounds warm the JIT
                started = System.nanoTime();
                FleetUsage usage = new FleetUsage(lookback, plan.assemble(answers), Map.of(), null);
                AuditRun run = new Auditor(profiles, selector).run(discovered, LocalDate.now(ZoneOffset.UTC), Map.of(), c -> "not read", usage);
                double ms = (System.nanoTime() - started) / 1e6;
                long usageResults = run.results().stream().filter(r -> List.of("idle-cluster", "oversized-node", "eviction-pressure", "ttl-coverage",
                        "shard-skew", "connection-churn", "maintenance-window-busy").contains(r.check()) && r.status() != Status.UNKNOWN).count();
                System.out.printf("3. round %d: %,d datapoints assembled and the catalog judged in %.0f ms (%d usage results with a verdict)%n",
                        round + 1, answers.stream().mapToInt(s -> s.points().size()).sum(), ms, usageResults);
            }
        }
    }
}
