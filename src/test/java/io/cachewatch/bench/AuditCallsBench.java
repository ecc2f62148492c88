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
import java.util.TreeMap;

/**
 * Counts the AWS calls of one {@code audit} of the 200-cluster / 1,000-node benchmark fleet, by operation, with the
 * packaged jar against moto, and prints them beside the bound docs/benchmarks.md states. Five more MemoryDB clusters
 * (205 in all) each get a security group of their own, so the security-group read has something to batch. One attempt per call
 * (cachewatch.aws.max-attempts=1): moto answers the service-update calls it lacks with HTTP 500, which the SDK would
 * otherwise retry, and the bound counts requests of a healthy run. Tags are read as discovery reads them, through the
 * Resource Groups Tagging API (the tagging bridge gives GetResources' AWS resource-type strings moto's ElastiCache
 * resources; moto lists no MemoryDB resources, so those clusters' tags are read one call per cluster).
 *
 * <pre>./mvnw -B -q package -DskipTests &amp;&amp; ./mvnw -B -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.cachewatch.bench.AuditCallsBench</pre>
 */
public final class AuditCallsBench {
    private AuditCallsBench() {
    }

    public static void main(String[] args) throws Exception {
        try (MotoServer moto = MotoServer.start(); CloudWatchBridge bridge = CloudWatchBridge.start(moto.endpoint());
             TaggingBridge tagging = TaggingBridge.start(moto.endpoint()); DemoFleet fleet = new DemoFleet(moto.endpoint());
             var ec2 = software.amazon.awssdk.services.ec2.Ec2Client.builder().endpointOverride(moto.endpoint())
                     .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                     .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                             software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"))).build()) {
            bridge.pageDescribeAlarms(100);
            int clusters = fleet.seedScale();
            String[] groups = new String[5];
            for (int i = 0; i < groups.length; i++) {
                int n = i;
                groups[i] = ec2.createSecurityGroup(b -> b.groupName("cache-" + n).description("bench")).groupId();
            }
            // moto's UpdateCluster ignores SecurityGroupIds: five more MemoryDB clusters are created with one group each
            for (int i = 0; i < groups.length; i++) {
                String name = String.format("mdb-sg-%03d", i);
                String group = groups[i];
                fleet.memoryDb().createCluster(b -> b.clusterName(name).nodeType("db.r6g.large").aclName("open-access").numShards(1)
                        .numReplicasPerShard(1).tlsEnabled(true).securityGroupIds(group));
                clusters++;
            }
            CachewatchJar cachewatch = CachewatchJar.packaged().against(moto, bridge).tagging(tagging)
                    .env("CACHEWATCH_AWS_MAX_ATTEMPTS", "1");
            // the setup reconcile writes 6,250 alarms into moto: no need to pace it at CloudWatch's 3/s (not measured)
            CachewatchJar.Result reconciled = cachewatch.env("CACHEWATCH_RATES_PUT_METRIC_ALARM", "1000")
                    .run(java.time.Duration.ofMinutes(40), "reconcile", "--only", "alarms", "--output", "json");
            JsonNode alarms = new ObjectMapper().readTree(reconciled.stdout());
            int managed = alarms.at("/summary/create").asInt() + alarms.at("/summary/unchanged").asInt();

            long started = System.nanoTime();
            // moto answers 63 pages of DescribeAlarms over 6,250 alarms slowly, the more so on a shared machine
            CachewatchJar.Result audited = cachewatch.run(java.time.Duration.ofMinutes(40), "audit", "--output", "json");
            double seconds = (System.nanoTime() - started) / 1e9;
            JsonNode doc = new ObjectMapper().readTree(audited.stdout());
            System.out.printf("audit of %d clusters: %d results, exit %d, %.1f s wall (JVM start included)%n", clusters,
                    doc.get("results").size(), audited.exitCode(), seconds);
            System.out.println("| operation | calls |");
            System.out.println("|---|---|");
            long total = 0;
            Map<String, Long> calls = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.at("/apiCalls").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                calls.put(e.getKey(), e.getValue().asLong());
                System.out.printf("| %s | %d |%n", e.getKey(), e.getValue().asLong());
                total += e.getValue().asLong();
            }
            System.out.printf("| total | %d |%n", total);
            System.out.printf("bound for %d clusters: discovery pages + tag pages (+ one ListTags per MemoryDB cluster: moto lists none in GetResources) + ceil(5 security groups / 200) = 1 DescribeSecurityGroups"
                    + " + 1 DescribeUpdateActions page + 1 DescribeServiceUpdates page + 0 user-group reads (no user groups)"
                    + " + ceil(%d managed alarms / 100) = %d DescribeAlarms pages%n", clusters, managed, (managed + 99) / 100);
            System.out.println("errors: " + doc.get("errors"));
        }
    }
}
