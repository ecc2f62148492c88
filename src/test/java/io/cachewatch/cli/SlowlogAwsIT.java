package io.cachewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoClients;
import io.cachewatch.testing.RedisServers;
import io.cachewatch.testing.SlowlogConfig;
import io.cachewatch.testing.SlowlogTestBase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The slow-log pipeline's AWS side, end to end with the packaged jar: Redis credentials from Secrets Manager in moto
 * (by configured ARN and by cluster tag) against a real redis-server with an ACL user, a missing secret failing only
 * its own cluster, the password never printed, and the custom metrics arriving in moto's CloudWatch through the bridge.
 */
class SlowlogAwsIT extends SlowlogTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "pw-from-secrets-manager-7391";
    private static final String WRONG = "wrong-pw-from-tag-2468";

    @Test
    void readsWithSecretCredentialsReportsAMissingSecretAndPublishesMetrics(@TempDir Path dir) throws Exception {
        RedisServers.Server vault = servers.start("--user", "slowlog", "on", ">" + PASSWORD, "~*", "+@all", "--user", "default", "off");
        RedisServers.Server plain = servers.start();
        try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            fleet.redisSingleNode("vault", "cache.t3.micro");
            fleet.redisSingleNode("plain", "cache.t3.micro");
            fleet.redisSingleNode("locked", "cache.t3.micro");
            String vaultArn = fleet.elastiCache().describeCacheClusters(b -> b.cacheClusterId("vault")).cacheClusters().get(0).arn();
            // the configured secret wins over the tag's
            fleet.tag(vaultArn, "cachewatch:slowlog-secret", "redis/wrong");
        }
        String vaultSecret;
        try (SecretsManagerClient secrets = MotoClients.secretsManager(moto.endpoint())) {
            vaultSecret = secrets.createSecret(b -> b.name("redis/vault")
                    .secretString("{\"username\":\"slowlog\",\"password\":\"" + PASSWORD + "\"}")).arn();
            secrets.createSecret(b -> b.name("redis/wrong").secretString("{\"username\":\"slowlog\",\"password\":\"" + WRONG + "\"}"));
        }
        servers.cliAuth("--user", "slowlog", "--pass", PASSWORD, "--no-auth-warning");
        vault.cli("KEYS", "vault:*");
        servers.cliAuth();
        plain.cli("KEYS", "plain:*");

        SnsClient sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create()).build();
        String topic = sns.createTopic(b -> b.name("slowlog")).topicArn();
        sns.close();
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("vault", vault.address());
        overrides.put("plain", plain.address());
        overrides.put("locked", plain.address());
        Path config = SlowlogConfig.write(dir, topic, overrides,
                "credentials:",
                "  vault:",
                "    secret-arn: " + vaultSecret,
                "  locked:",
                "    secret-arn: arn:aws:secretsmanager:us-east-1:123456789012:secret:redis/missing-AbCdEf");
        CachewatchJar cachewatch = CachewatchJar.packaged().against(moto, bridge)
                .env("CACHEWATCH_DISCOVERY_KINDS", "elasticache").env("QUARKUS_CONFIG_LOCATIONS", config.toString());
        String[] clusters = {"--cluster", "vault", "--cluster", "plain", "--cluster", "locked"};

        CachewatchJar.Result dry = cachewatch.run(concat(List.of("slowlog", "--once", "--dry-run", "--output", "json"), clusters));
        JsonNode dryReport = JSON.readTree(dry.stdout());
        assertThat(dryReport.at("/apiCalls").has("CloudWatch.PutMetricData")).as("dry run publishes no metrics: " + dry).isFalse();

        Instant before = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
        CachewatchJar.Result run = cachewatch.run(concat(List.of("slowlog", "--once", "--output", "json"), clusters));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout() + run.stderr()).doesNotContain(PASSWORD).doesNotContain(WRONG);
        JsonNode report = JSON.readTree(run.stdout());
        assertThat(report.at("/failures")).as(run.toString()).singleElement().satisfies(f -> {
            assertThat(f.get("cluster").asText()).isEqualTo("locked");
            assertThat(f.get("reason").asText()).isEqualTo("secret arn:aws:secretsmanager:us-east-1:123456789012:secret:redis/missing-AbCdEf: not found");
        });
        assertThat(report.at("/summary/nodesRead").asInt()).isEqualTo(2);
        List<String> found = new ArrayList<>();
        report.at("/findings").forEach(f -> found.add(f.get("cluster").asText() + "/" + f.get("kind").asText()));
        assertThat(found).contains("vault/keys", "plain/keys");
        assertThat(report.at("/apiCalls/SecretsManager.GetSecretValue").asInt()).as("one call per secret used, none for the tag the configuration overrides").isEqualTo(2);
        assertThat(report.at("/apiCalls/CloudWatch.PutMetricData").asInt()).isEqualTo(1);

        try (CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(bridge.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create()).build()) {
            List<Metric> metrics = cloudWatch.listMetrics(b -> b.namespace("cachewatch/SlowLog")).metrics();
            List<String> names = new ArrayList<>();
            for (Metric m : metrics) {
                Map<String, String> dims = new TreeMap<>();
                m.dimensions().forEach(d -> dims.put(d.name(), d.value()));
                names.add(m.metricName() + " " + dims);
            }
            assertThat(names).as("locked was not read: no data rather than zeros").containsExactlyInAnyOrder(
                    "SlowCommands {ClusterId=vault, Kind=cachecluster}", "MaxDuration {ClusterId=vault, Kind=cachecluster}",
                    "LostEntries {ClusterId=vault, Kind=cachecluster}",
                    "SlowCommands {ClusterId=plain, Kind=cachecluster}", "MaxDuration {ClusterId=plain, Kind=cachecluster}",
                    "LostEntries {ClusterId=plain, Kind=cachecluster}");
            List<Datapoint> slow = cloudWatch.getMetricStatistics(b -> b.namespace("cachewatch/SlowLog").metricName("SlowCommands")
                    .dimensions(d -> d.name("ClusterId").value("vault"), d -> d.name("Kind").value("cachecluster"))
                    .startTime(before).endTime(Instant.now().plus(2, ChronoUnit.MINUTES)).period(60)
                    .statistics(Statistic.SUM, Statistic.MAXIMUM)).datapoints();
            long counted = 0;
            for (JsonNode f : report.at("/findings")) {
                if (f.get("cluster").asText().equals("vault")) {
                    counted += f.get("kind").asText().equals("lost") ? 0 : f.get("count").asLong();
                }
            }
            double expected = counted;
            assertThat(slow).as("the sum of the findings' counts").singleElement()
                    .satisfies(d -> assertThat(d.sum()).isEqualTo(expected).isPositive());
        }
    }

    private static String[] concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
