package io.cachewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.RedisServers;
import io.cachewatch.testing.SlowlogConfig;
import io.cachewatch.testing.SlowlogTestBase;
import io.cachewatch.testing.SnsQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code slowlog --once} as the image runs it (no Docker here): the packaged app copied into a root-owned {@code /app}
 * like Dockerfile.jvm's (root-owned files, the working directory not writable, {@code state/} owned by uid 10001) and
 * run as uid 10001 through {@code setpriv}. Without a writable state file it stops before reading or publishing, naming
 * the path, with exit 1 and the JSON document (serve stops at start); with the image's {@code CACHEWATCH_SLOWLOG_STATE_FILE} it keeps its
 * state and sends each finding once.
 */
class ImageLayoutIT extends SlowlogTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNTIME_USER = "10001";

    @Test
    void theImagesUnprivilegedUserKeepsStateAndSendsEachFindingOnce() throws Exception {
        Assumptions.assumeTrue("0".equals(RedisServers.run(List.of("id", "-u")).strip()),
                "needs root to build a root-owned layout and switch to uid 10001 (setpriv)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux) to run as uid 10001");
        Path root = Files.createTempDirectory("cachewatch-image");
        try {
            Path app = layout(root);
            RedisServers.Server node = servers.start();
            try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
                fleet.redisSingleNode("imaged", "cache.t3.micro");
            }
            try (SnsQueue slack = new SnsQueue(moto.endpoint(), "imaged")) {
                Path configDir = Files.createDirectory(root.resolve("config"));
                Path config = SlowlogConfig.write(configDir, slack.topicArn(), Map.of("imaged", node.address()));
                // the state file comes from the environment, as in the image (a file named by quarkus.config.locations
                // would win over the environment)
                Files.write(config, Files.readAllLines(config).stream().filter(l -> !l.contains("state-file:")).toList());
                node.cli("KEYS", "image:*");
                CachewatchJar asRuntimeUser = new CachewatchJar(app.resolve("quarkus-run.jar"), app)
                        .through("setpriv", "--reuid=" + RUNTIME_USER, "--regid=" + RUNTIME_USER, "--clear-groups")
                        .against(moto, bridge)
                        .env("HOME", app.toString())
                        .env("CACHEWATCH_DISCOVERY_KINDS", "elasticache")
                        .env("QUARKUS_CONFIG_LOCATIONS", config.toString());
                String[] once = {"slowlog", "--once", "--output", "json", "--cluster", "imaged"};

                // the default, relative state file: /app/.cachewatch cannot be made by uid 10001
                CachewatchJar.Result refused = asRuntimeUser.env("CACHEWATCH_SLOWLOG_STATE_FILE", ".cachewatch/slowlog-state.json").run(once);
                assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
                JsonNode refusedReport = JSON.readTree(refused.stdout());
                assertThat(refusedReport.at("/errors/0").asText()).as(refused.toString())
                        .startsWith("slow-log state file " + app.resolve(".cachewatch/slowlog-state.json") + ": cannot create directory")
                        .contains("permission denied");
                assertThat(refusedReport.at("/summary/published").asInt()).isZero();
                assertThat(slack.drain(0)).as("nothing sent that the next run would send again").isEmpty();
                // serve stops at start with the same message instead of failing every poll
                CachewatchJar.Result serve = asRuntimeUser.env("QUARKUS_HTTP_PORT", Integer.toString(io.cachewatch.testing.MotoServer.freePort()))
                        .run("serve");
                assertThat(serve.exitCode()).as(serve.toString()).isEqualTo(1);
                assertThat(serve.stderr()).contains("slow-log state file " + app.resolve(".cachewatch/slowlog-state.json.").toString()
                        .replace("slowlog-state.json.", "slowlog-state.default.json") + ": cannot create directory");

                // the image's state directory
                asRuntimeUser.env("CACHEWATCH_SLOWLOG_STATE_FILE", app.resolve("state/slowlog-state.json").toString());
                CachewatchJar.Result first = asRuntimeUser.run(once);
                assertThat(first.exitCode()).as(first.toString()).isZero();
                JsonNode report = JSON.readTree(first.stdout());
                int published = report.at("/summary/published").asInt();
                assertThat(published).isPositive();
                assertThat(slack.drain(published)).hasSize(published);
                Path state = app.resolve("state/slowlog-state.json");
                assertThat(RedisServers.run(List.of("stat", "-c", "%u", state.toString())).strip()).isEqualTo(RUNTIME_USER);

                CachewatchJar.Result again = asRuntimeUser.run(once);
                assertThat(again.exitCode()).as(again.toString()).isZero();
                assertThat(JSON.readTree(again.stdout()).at("/findings").size()).as(again.stdout()).isZero();
                assertThat(slack.drain(0)).as("each finding sent once").isEmpty();

                node.cli("HGETALL", "image:profile:7");
                CachewatchJar.Result later = asRuntimeUser.run(once);
                JsonNode laterReport = JSON.readTree(later.stdout());
                assertThat(laterReport.at("/findings")).as(later.toString()).singleElement()
                        .satisfies(f -> assertThat(f.get("kind").asText()).isEqualTo("full-read"));
                assertThat(slack.drain(1)).hasSize(1);
            }
        } finally {
            RedisServers.run(List.of("rm", "-rf", root.toString()));
        }
    }

    /**
     * {@code root/app}: the fast-jar's files, alarm profiles and dashboard templates as Dockerfile.jvm copies them
     * (root-owned, read-only to others), and {@code state/} owned by the runtime user. Every directory on the way is
     * searchable by it.
     */
    private static Path layout(Path root) throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path app = Files.createDirectory(root.resolve("app"));
        Path packaged = Path.of(System.getProperty("cachewatch.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().getParent();
        Path project = Path.of(System.getProperty("cachewatch.project.dir", ".")).toAbsolutePath();
        copy(packaged, app);
        copy(project.resolve("alarm-profiles"), app.resolve("alarm-profiles"));
        copy(project.resolve("dashboards"), app.resolve("dashboards"));
        RedisServers.run(List.of("chown", "-R", "root:root", app.toString()));
        RedisServers.run(List.of("chmod", "-R", "u=rwX,go=rX", app.toString()));
        Path state = Files.createDirectory(app.resolve("state"));
        RedisServers.run(List.of("chown", RUNTIME_USER + ":" + RUNTIME_USER, state.toString()));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-x---"));
        return app;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
