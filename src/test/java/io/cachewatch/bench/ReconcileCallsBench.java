package io.cachewatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoServer;
import io.cachewatch.testing.TaggingBridge;
import java.util.Iterator;
import java.util.Map;

/**
 * Counts the AWS calls of a no-drift {@code reconcile --only alarms} of 200 clusters / 1,000 nodes, by operation, with
 * the packaged jar against moto. The CloudWatch bridge pages DescribeAlarms by 100 as CloudWatch does (moto alone
 * answers in one page); the tagging bridge lets GetResources' AWS resource-type strings reach moto's ElastiCache
 * resources (moto lists no MemoryDB resources, so those clusters' tags are read one call per cluster).
 *
 * <pre>./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.cachewatch.bench.ReconcileCallsBench</pre>
 */
public final class ReconcileCallsBench {
    private ReconcileCallsBench() {
    }

    public static void main(String[] args) throws Exception {
        try (MotoServer moto = MotoServer.start(); CloudWatchBridge bridge = CloudWatchBridge.start(moto.endpoint());
             TaggingBridge tagging = TaggingBridge.start(moto.endpoint()); DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            bridge.pageDescribeAlarms(100);
            int clusters = fleet.seedScale();
            CachewatchJar cachewatch = CachewatchJar.packaged().against(moto, bridge).tagging(tagging);
            JsonNode first = json(cachewatch.run("reconcile", "--only", "alarms", "--output", "json"));
            System.out.printf("first run: %d alarms created, %d failed%n", first.at("/summary/create").asInt(), first.at("/summary/failed").asInt());

            tagging.calls().reset();
            JsonNode second = json(cachewatch.run("reconcile", "--only", "alarms", "--output", "json"));
            int managed = second.at("/summary/unchanged").asInt();
            System.out.printf("no-drift run over %d clusters: create %d, update %d, delete %d, unchanged %d%n", clusters,
                    second.at("/summary/create").asInt(), second.at("/summary/update").asInt(), second.at("/summary/delete").asInt(), managed);
            System.out.println("| operation | calls |");
            System.out.println("|---|---|");
            long total = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = second.at("/apiCalls").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                System.out.printf("| %s | %d |%n", e.getKey(), e.getValue().asLong());
                total += e.getValue().asLong();
            }
            System.out.printf("| total | %d |%n", total);
            System.out.printf("expected DescribeAlarms pages: ceil(%d / 100) = %d%n", managed, (managed + 99) / 100);
            System.out.printf("GetResources requests the tagging bridge received: %d%n", tagging.calls().count("GetResources"));
        }
    }

    private static JsonNode json(CachewatchJar.Result result) throws Exception {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("reconcile failed: " + result);
        }
        return new ObjectMapper().readTree(result.stdout());
    }
}
