package io.cachewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.testing.CachewatchJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the packaged jar: settings out of range, unusable inventory files, usage errors. Each is refused
 * before any AWS call (every endpoint points at a closed port, so a call would fail differently), with the exit code
 * the README promises and, with {@code --output json}, exactly one JSON document on stdout that carries the error.
 */
class InputErrorsCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CachewatchJar cachewatch;

    @BeforeEach
    void jar() {
        cachewatch = CachewatchJar.packaged()
                .env("AWS_REGION", "us-east-1").env("AWS_ACCESS_KEY_ID", "test").env("AWS_SECRET_ACCESS_KEY", "test")
                .env("AWS_ENDPOINT_URL", "http://127.0.0.1:9").env("AWS_EC2_METADATA_DISABLED", "true");
    }

    /** The one JSON document stdout must hold; fails when stdout holds anything else or more. */
    private static JsonNode oneDocument(CachewatchJar.Result result) {
        try (JsonParser parser = JSON.createParser(result.stdout())) {
            JsonNode document = JSON.readTree(parser);
            assertThat(document).as("a JSON document on stdout: " + result).isNotNull();
            assertThat(parser.nextToken()).as("nothing after the document: " + result).isNull();
            return document;
        } catch (IOException e) {
            throw new AssertionError("stdout is not one JSON document: " + result, e);
        }
    }

    /** The first error's message, checking the document has the {"errors":[…]} shape. */
    private static String firstError(CachewatchJar.Result result, String source) {
        JsonNode errors = oneDocument(result).get("errors");
        assertThat(errors).as(result.toString()).isNotNull();
        assertThat(errors.isArray() && errors.size() > 0).as(result.toString()).isTrue();
        assertThat(errors.get(0).get("source").asText()).isEqualTo(source);
        return errors.get(0).get("message").asText();
    }

    @Test
    void settingsOutOfRangeExit64NamingKeyValueAndRange() {
        CachewatchJar.Result attempts = cachewatch.env("CACHEWATCH_AWS_MAX_ATTEMPTS", "0").run("reconcile", "--output", "json");
        assertThat(attempts.exitCode()).as(attempts.toString()).isEqualTo(64);
        assertThat(firstError(attempts, "usage")).isEqualTo("cachewatch.aws.max-attempts=0: expected a whole number from 1 to 100 (attempts per AWS call)");

        CachewatchJar.Result pageSize = cachewatch.env("CACHEWATCH_AWS_MAX_ATTEMPTS", "8").env("CACHEWATCH_DISCOVERY_PAGE_SIZE", "0")
                .run("discover", "--output", "json");
        assertThat(pageSize.exitCode()).as(pageSize.toString()).isEqualTo(64);
        assertThat(firstError(pageSize, "usage")).startsWith("cachewatch.discovery.page-size=0: expected a whole number from 20 to 100");

        CachewatchJar.Result tooBig = cachewatch.env("CACHEWATCH_DISCOVERY_PAGE_SIZE", "500").run("discover");
        assertThat(tooBig.exitCode()).isEqualTo(64);
        assertThat(tooBig.stderr()).contains("cachewatch.discovery.page-size=500: expected a whole number from 20 to 100");
    }

    @Test
    void aRateThatIsNotANumberIsAUsageErrorInWordsNotTheConfigLibrarysText() {
        CachewatchJar.Result result = cachewatch.env("CACHEWATCH_RATES_PUT_METRIC_ALARM", "fast").run("reconcile", "--output", "json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(64);
        assertThat(firstError(result, "usage")).startsWith("cachewatch.rates.put-metric-alarm=fast: not a number; expected a number greater than 0");
        assertThat(result.stderr()).doesNotContain("SRCFG", "Configuration validation failed");
    }

    @Test
    void aTargetDurationOrAnOnOffSettingThatIsNotOneIsAUsageErrorInWords() {
        CachewatchJar.Result session = cachewatch.env("CACHEWATCH_TARGETS_0__NAME", "prod").env("CACHEWATCH_TARGETS_0__REGIONS", "us-east-1")
                .env("CACHEWATCH_TARGETS_0__SESSION_DURATION", "forever").run("reconcile", "--output", "json");
        assertThat(session.exitCode()).as(session.toString()).isEqualTo(64);
        assertThat(firstError(session, "usage")).startsWith("cachewatch.targets[0].session-duration=forever: not a duration; expected a duration");
        assertThat(session.stderr()).doesNotContain("SRCFG", "Configuration validation failed");

        CachewatchJar.Result flag = cachewatch.env("CACHEWATCH_TARGETS_0__SESSION_DURATION", "1h")
                .env("CACHEWATCH_SERVE_SLOWLOG_ENABLED", "maybe").run("serve");
        assertThat(flag.exitCode()).as(flag.toString()).isEqualTo(64);
        assertThat(flag.stderr()).contains("cachewatch.serve.slowlog.enabled=maybe: expected true or false").doesNotContain("SRCFG");
    }

    /**
     * Where a setting is given twice, which wins (README, Configuration): a system property over a file named by
     * {@code QUARKUS_CONFIG_LOCATIONS}, that file over an environment variable, an environment variable over
     * {@code ./config/application.yaml}. Told apart by the value an out-of-range setting is reported with.
     */
    @Test
    void configurationSourcesOverrideInTheOrderTheReadmeGives() throws IOException {
        Path located = Files.writeString(dir.resolve("located.yaml"), "cachewatch:\n  aws:\n    max-attempts: 500\n");
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/application.yaml"), "cachewatch:\n  aws:\n    max-attempts: 400\n");

        // run from dir, so that its ./config/application.yaml is read
        CachewatchJar inDir = new CachewatchJar(Path.of(System.getProperty("cachewatch.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath(), dir).env("AWS_REGION", "us-east-1").env("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        CachewatchJar.Result fileAlone = inDir.run("discover");
        assertThat(fileAlone.stderr()).as(fileAlone.toString()).contains("cachewatch.aws.max-attempts=400:");

        CachewatchJar.Result envOverFile = inDir.env("CACHEWATCH_AWS_MAX_ATTEMPTS", "0").run("discover");
        assertThat(envOverFile.stderr()).as(envOverFile.toString()).contains("cachewatch.aws.max-attempts=0:");

        CachewatchJar.Result locationOverEnv = inDir.env("QUARKUS_CONFIG_LOCATIONS", located.toString()).run("discover");
        assertThat(locationOverEnv.stderr()).as(locationOverEnv.toString()).contains("cachewatch.aws.max-attempts=500:");

        CachewatchJar.Result propertyOverLocation = inDir.jvm("-Dcachewatch.aws.max-attempts=300").run("discover");
        assertThat(propertyOverLocation.stderr()).as(propertyOverLocation.toString()).contains("cachewatch.aws.max-attempts=300:");
        assertThat(List.of(fileAlone, envOverFile, locationOverEnv, propertyOverLocation)).allMatch(r -> r.exitCode() == 64);
    }

    @Test
    void usageErrorsPrintOneJsonDocumentWhenJsonWasAsked() {
        CachewatchJar.Result unknown = cachewatch.run("reconcile", "--output", "json", "--no-such-flag");
        assertThat(unknown.exitCode()).isEqualTo(64);
        assertThat(firstError(unknown, "usage")).contains("--no-such-flag");

        CachewatchJar.Result blankRegion = cachewatch.run("reconcile", "--output", "json", "--region", "");
        assertThat(blankRegion.exitCode()).as(blankRegion.toString()).isEqualTo(64);
        assertThat(firstError(blankRegion, "usage")).contains("--region must name a region");

        CachewatchJar.Result slowlog = cachewatch.run("slowlog", "--once", "--output=json", "--region", " ");
        assertThat(slowlog.exitCode()).as(slowlog.toString()).isEqualTo(64);
        assertThat(firstError(slowlog, "usage")).contains("--region");

        CachewatchJar.Result discover = cachewatch.run("discover", "--output", "json", "--bogus");
        assertThat(discover.exitCode()).isEqualTo(64);
        assertThat(firstError(discover, "usage")).contains("--bogus");

        // text output stays text
        assertThat(cachewatch.run("reconcile", "--no-such-flag").stdout()).isEmpty();
    }

    @Test
    void noRegionAnywhereIsAUsageErrorAsJson() {
        CachewatchJar.Result result = cachewatch.env("AWS_REGION", "").env("HOME", dir.toString()).run("discover", "--output", "json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(64);
        assertThat(firstError(result, "usage")).contains("no region");
    }

    @Test
    void aMissingInventoryFileSaysWhatIsWrong() {
        Path missing = dir.resolve("inventory.json");
        CachewatchJar.Result result = cachewatch.run("reconcile", "--output", "json", "--inventory", missing.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(firstError(result, "inventory")).isEqualTo(missing
                + ": inventory file no such file (reconcile --inventory takes a file written by discover --output json)");
    }

    @Test
    void anInventoryWhoseClusterLacksShardsIsAnErrorNotADeletePlan() throws IOException {
        Path file = Files.writeString(dir.resolve("inventory.json"), """
                {"format": "cachewatch-inventory/1", "regions": [ {"region": "us-east-1", "errors": [], "clusters": [
                  {"kind": "elasticache", "region": "us-east-1", "id": "orders", "engine": "redis", "tls": true,
                   "status": "available", "clusterMode": false, "tags": {}}
                ]} ]}
                """);
        CachewatchJar.Result result = cachewatch.run("reconcile", "--output", "json", "--inventory", file.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(firstError(result, "inventory")).contains("regions[0].clusters[0].shards: missing required field 'shards' in cluster 'orders'");
    }

    @Test
    void anInventoryWithoutRegionsIsAnErrorNotInSync() throws IOException {
        Path file = Files.writeString(dir.resolve("inventory.json"), "{\"format\": \"cachewatch-inventory/1\"}\n");
        CachewatchJar.Result result = cachewatch.run("reconcile", "--output", "json", "--inventory", file.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(firstError(result, "inventory")).contains("regions: missing required field 'regions'");
    }

    @Test
    void validateNamesEveryBadEntryOfTheProfileDirectory() throws IOException {
        Path profiles = Files.createDirectory(dir.resolve("profiles"));
        Files.copy(Path.of("alarm-profiles/default.yaml"), profiles.resolve("default.yaml"));
        Files.createDirectory(profiles.resolve("production.yaml"));
        Files.createSymbolicLink(profiles.resolve("staging.yaml"), profiles.resolve("gone.yaml"));
        Files.writeString(profiles.resolve("empty.yaml"), "");
        Files.writeString(profiles.resolve("gt.yaml"), """
                extends: default
                rules:
                  - id: cpu-high
                    comparison: >
                    threshold: 70
                """);

        CachewatchJar.Result result = cachewatch.run("validate", "--profiles", profiles.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains(
                profiles.resolve("production.yaml") + ": a directory, not a file",
                profiles.resolve("staging.yaml") + ": a symbolic link to a file that does not exist",
                profiles.resolve("empty.yaml") + ":1: empty file",
                profiles.resolve("gt.yaml") + ":4: rules[0].comparison: unknown comparison ''",
                "quote it: comparison: \">\"");
        assertThat(result.stderr()).doesNotContain(":0:");
    }
}
