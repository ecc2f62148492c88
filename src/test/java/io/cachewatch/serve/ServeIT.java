package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.testing.AwsOperationsLog;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CloudWatchBridge;
import io.cachewatch.testing.DemoFleet;
import io.cachewatch.testing.MotoClients;
import io.cachewatch.testing.MotoServer;
import io.cachewatch.testing.RedisServers;
import io.cachewatch.testing.SlowlogConfig;
import io.cachewatch.testing.SnsQueue;
import io.cachewatch.testing.TcpProxy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** {@code serve} end to end: the packaged jar as a long-running process against moto and the CloudWatch bridge. */
class ServeIT {
    private static final int DEMO_ALARMS = 98;
    /** One per cluster of the demo fleet (5) and the region's fleet overview. */
    private static final int DEMO_DASHBOARDS = 6;
    private static final String OTHER_ROLE = "arn:aws:iam::222222222222:role/cachewatch";
    private static final StaticCredentialsProvider TEST = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private static MotoServer moto;
    private static CloudWatchBridge bridge;
    private static RedisServers redis;
    private final HttpClient http = io.cachewatch.testing.BoundedHttp.client();
    private CachewatchJar cachewatch;
    private CachewatchJar.Running serve;
    private int port;

    @BeforeAll
    static void startServers() {
        moto = MotoServer.start();
        bridge = CloudWatchBridge.start(moto.endpoint());
        redis = new RedisServers();
    }

    @AfterAll
    static void stopServers() {
        redis.close();
        bridge.close();
        moto.close();
    }

    @BeforeEach
    void fresh() throws IOException {
        moto.reset();
        bridge.reset();
        new DemoFleet(moto.endpoint()).seedStandard();
        port = MotoServer.freePort();
        cachewatch = CachewatchJar.packaged().against(moto, bridge)
                .env("QUARKUS_HTTP_PORT", Integer.toString(port))
                .env("CACHEWATCH_SERVE_FIRST_RUN_DELAY", "100ms")
                // half the default: the "stopped in time" checks below keep room for a loaded machine's JVM exit
                .env("CACHEWATCH_SERVE_STOP_TIMEOUT", "10s");
    }

    @AfterEach
    void stop() {
        if (serve != null && serve.process().isAlive()) {
            serve.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void oneShotCommandsStartNoHttpServer() throws Exception {
        // slow enough that the apply is still running when the first alarm shows, however loaded the machine
        cachewatch.env("CACHEWATCH_RATES_PUT_METRIC_ALARM", "2");
        CachewatchJar.Running reconcile = cachewatch.start("reconcile");
        await(Duration.ofSeconds(120), () -> alarms(TEST) > 0 || !reconcile.process().isAlive());
        assertThat(reconcile.process().isAlive()).as("reconcile still applying: %s", reconcile.stderr()).isTrue();
        assertThat(listening(port)).as("a one-shot command must not open the HTTP port").isFalse();
        reconcile.process().destroyForcibly().waitFor();

        serve = cachewatch.start("serve");
        await(Duration.ofSeconds(120), () -> listening(port));
    }

    @Test
    void serveGetsReadyReconcilesOnScheduleExposesMetricsAndStatusAndStopsCleanly() throws Exception {
        serve = cachewatch.env("CACHEWATCH_SERVE_RECONCILE_INTERVAL", "2s").start("serve");
        await(Duration.ofSeconds(120), () -> get("/q/health/ready").statusCode() == 200);
        assertThat(get("/q/health/live").statusCode()).isEqualTo(200);
        await(Duration.ofSeconds(120), () -> alarms(TEST) == DEMO_ALARMS);

        await(Duration.ofSeconds(120), () -> counter(get("/q/metrics").body(), "cachewatch_reconcile_runs_total", "result=\"ok\"") >= 1);
        // serve keeps the dashboards too, in the same run
        assertThat(dashboards(TEST)).hasSize(DEMO_DASHBOARDS).contains("cachewatch-us-east-1--fleet", "cachewatch-us-east-1-elasticache-orders");
        String metrics = get("/q/metrics").body();
        assertThat(counter(metrics, "cachewatch_reconcile_changes_total", "resource=\"alarm\"", "action=\"create\"")).isEqualTo(DEMO_ALARMS);
        assertThat(counter(metrics, "cachewatch_reconcile_changes_total", "resource=\"dashboard\"", "action=\"create\"")).isEqualTo(DEMO_DASHBOARDS);
        assertThat(counter(metrics, "cachewatch_discovered_nodes", "engine=\"memcached\"")).isEqualTo(3);
        assertThat(metrics).contains("cachewatch_reconcile_duration_seconds_count{target=\"default\"}",
                "cachewatch_target_last_success_seconds{target=\"default\"}",
                "cachewatch_aws_calls_total{operation=\"PutMetricAlarm\",service=\"CloudWatch\",target=\"default\"}");
        double runs = counter(metrics, "cachewatch_reconcile_runs_total", "result=\"ok\"");
        double describes = counter(metrics, "cachewatch_aws_calls_total", "operation=\"DescribeAlarms\"");
        await(Duration.ofSeconds(120), () -> counter(get("/q/metrics").body(), "cachewatch_reconcile_runs_total", "result=\"ok\"") > runs);
        // a later scheduled run reads the alarms again: the call counter moves too (scraped until it does, so a scrape
        // taken between a run's bookkeeping and its next call does not decide the test)
        await(Duration.ofSeconds(120), () -> counter(get("/q/metrics").body(), "cachewatch_aws_calls_total", "operation=\"DescribeAlarms\"") > describes);
        AwsOperationsLog.fromMetrics(get("/q/metrics").body());

        String status = get("/status").body();
        assertThat(status).contains("\"name\":\"default\"", "\"discovered\":true", "\"ok\":true", "\"unchanged\":" + (DEMO_ALARMS + DEMO_DASHBOARDS));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/status")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("<table", "default", "us-east-1");
        assertThat(page.headers().firstValue("Refresh")).hasValue("30");
        // every demo cluster is a row linking to its page; figures are numbers
        assertThat(page.body()).contains("href=\"/status/default/us-east-1/orders\"", "href=\"/status/default/us-east-1/ledger\"",
                "href=\"/status/default/us-east-1/sessions-mc\"").doesNotContain("{create=");
        assertThat(status).contains("\"clusters\":[", "\"id\":\"orders\"", "\"profile\":\"production\"", "\"firing\":[]");
        HttpResponse<String> orders = http.send(HttpRequest.newBuilder(url("/status/default/us-east-1/orders")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).contains("<table id=\"nodes\"", "orders-001", "orders-003", "<table id=\"alarms\"", "in sync",
                "cachewatch-us-east-1-elasticache-orders");
        assertThat(get("/status/default/us-east-1/nope").statusCode()).isEqualTo(404);
        // the filters of the query string: nothing fires on the demo fleet; ids by substring; targets by name
        assertThat(get("/status.json?firing").body()).contains("\"clusters\":[]");
        assertThat(get("/status.json?cluster=ORD").body()).contains("\"id\":\"orders\"").doesNotContain("\"id\":\"ledger\"");
        assertThat(get("/status.json?target=other").body()).contains("\"clusters\":[]");

        long start = System.nanoTime();
        assertThat(serve.terminate(Duration.ofSeconds(25))).as(serve.stderr()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    /**
     * ElastiCache unreachable (a proxy in front of moto cut) after a good start: readiness stays up for the grace, then
     * goes down naming the failing discovery, and comes back at the first good discovery. The documented counters are
     * there at zero before their first event, and the image's health check script answers for serve.
     */
    @Test
    void readinessDropsWhenDiscoveryFailsLongerThanTheGraceAndRecovers() throws Exception {
        try (TcpProxy elastiCache = new TcpProxy(moto.endpoint())) {
            serve = cachewatch.env("AWS_ENDPOINT_URL_ELASTICACHE", elastiCache.endpoint().toString())
                    .env("CACHEWATCH_SERVE_RECONCILE_INTERVAL", "1s").env("CACHEWATCH_SERVE_READINESS_GRACE", "3s")
                    .env("CACHEWATCH_AWS_MAX_ATTEMPTS", "1").env("CACHEWATCH_SERVE_SLOWLOG_ENABLED", "false").start("serve");
            await(Duration.ofSeconds(120), () -> get("/q/health/ready").statusCode() == 200);
            // a good run creates neither series: they are there, at zero, because serve registered them at start
            assertThat(get("/q/metrics").body()).contains("cachewatch_reconcile_failures_total{target=\"default\"} 0.0",
                    "cachewatch_aws_throttles_total{operation=\"DescribeReplicationGroups\",service=\"ElastiCache\",target=\"default\"} 0.0",
                    "cachewatch_aws_throttles_total{operation=\"PutMetricAlarm\",service=\"CloudWatch\",target=\"default\"} 0.0");
            assertThat(healthcheck(serve.process().pid(), port)).as("the image's HEALTHCHECK under serve").isZero();
            assertThat(healthcheck(serve.process().pid(), MotoServer.freePort())).as("serve not answering").isEqualTo(1);
            assertThat(healthcheck(ProcessHandle.current().pid(), MotoServer.freePort())).as("not serve: a one-shot command").isZero();

            elastiCache.cut();
            await(Duration.ofSeconds(120), () -> get("/status").body().contains("\"discoveryOk\":false"));
            assertThat(get("/q/health/ready").statusCode()).as("within the grace").isEqualTo(200);
            await(Duration.ofSeconds(120), () -> get("/q/health/ready").statusCode() == 503);
            assertThat(get("/q/health/ready").body()).contains("discovery failing since").contains("longer than PT3S");
            for (int probe = 0; probe < 5; probe++) {
                assertThat(get("/q/health/ready").statusCode()).isEqualTo(503);
            }
            // one line for the change, none per probe (SmallRye's SRHCK01001 at INFO on every DOWN answer is silenced)
            assertThat(serve.stderr().split("readiness down: target default", -1)).as(serve.stderr()).hasSize(2);
            assertThat(serve.stderr()).doesNotContain("SRHCK01001");
            assertThat(counter(get("/q/metrics").body(), "cachewatch_reconcile_failures_total", "target=\"default\"")).isPositive();

            elastiCache.restore();
            await(Duration.ofSeconds(120), () -> get("/q/health/ready").statusCode() == 200);
            assertThat(get("/q/health/ready").body()).contains("\"default\": \"discovered\"")
                    .as("only cachewatch's own checks").doesNotContain("Redis connection health check");
            await(Duration.ofSeconds(10), () -> serve.stderr().contains("readiness up"));
        }
    }

    /** Runs src/main/docker/healthcheck about process {@code pid}, serve's port {@code httpPort}; its exit code. */
    private static int healthcheck(long pid, int httpPort) throws Exception {
        ProcessBuilder b = new ProcessBuilder("bash", Path.of(System.getProperty("cachewatch.project.dir", "."), "src/main/docker/healthcheck").toString());
        b.environment().put("HEALTHCHECK_PID", Long.toString(pid));
        b.environment().put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        Process p = b.redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @Test
    void sigtermDuringALongApplyStopsAfterTheCurrentCallWithExitZero() throws Exception {
        serve = cachewatch.env("CACHEWATCH_RATES_PUT_METRIC_ALARM", "2")
                .env("CACHEWATCH_SERVE_SLOWLOG_ENABLED", "false").env("CACHEWATCH_SLOWLOG_INTERVAL", "200ms").start("serve");
        await(Duration.ofSeconds(120), () -> alarms(TEST) >= 4);
        // slow-log reads switched off: no section, no poll, even at a short interval once discovery is done
        assertThat(get("/status").body()).contains("\"discovered\":true", "\"slowlog\":null");
        assertThat(get("/q/metrics").body()).doesNotContain("cachewatch_slowlog_polls_total");
        long start = System.nanoTime();
        int exit = serve.terminate(Duration.ofSeconds(25));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(exit).as(serve.stderr()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(serve.stderr()).contains("stopping", "stopped");
        int written = alarms(TEST);
        assertThat(written).isBetween(4, DEMO_ALARMS - 1);

        // nothing half-written: every alarm that exists is complete and as desired, the rest is simply missing
        CachewatchJar.Result check = cachewatch.run("reconcile", "--check", "--only", "alarms", "--output", "json");
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(check.stdout()).get("summary");
        assertThat(summary.get("create").asInt()).as(check.stdout()).isEqualTo(DEMO_ALARMS - written);
        assertThat(summary.get("update").asInt()).isZero();
        assertThat(summary.get("delete").asInt()).isZero();
        assertThat(summary.get("unchanged").asInt()).isEqualTo(written);
    }

    @Test
    void twoTargetsOneThroughAnAssumedRoleInAnotherAccount(@TempDir Path dir) throws Exception {
        AwsCredentialsProvider other = assumed();
        new DemoFleet(moto.endpoint(), other).redisSingleNode("elsewhere", "cache.t4g.small");
        serve = withTargets(dir).env("CACHEWATCH_SLOWLOG_INTERVAL", "1s")
                .env("CACHEWATCH_SLOWLOG_STATE_FILE", dir.resolve("state/slowlog.json").toString()).start("serve");
        await(Duration.ofSeconds(120), () -> get("/q/health/ready").statusCode() == 200);
        await(Duration.ofSeconds(120), () -> alarms(TEST) == DEMO_ALARMS && alarms(other) > 0);
        // each target reads slow logs with its own state file (moto's endpoints do not answer: the nodes are unreachable)
        await(Duration.ofSeconds(120), () -> Files.exists(dir.resolve("state/slowlog.main.json"))
                && Files.exists(dir.resolve("state/slowlog.other.json")));
        await(Duration.ofSeconds(120), () -> counter(get("/q/metrics").body(), "cachewatch_slowlog_polls_total", "target=\"other\"") >= 1);
        assertThat(alarms(other)).isLessThan(DEMO_ALARMS);
        String metrics = get("/q/metrics").body();
        assertThat(metrics).contains("cachewatch_aws_calls_total{operation=\"AssumeRole\",service=\"Sts\",target=\"other\"}");
        AwsOperationsLog.fromMetrics(metrics);
        assertThat(get("/status").body()).contains("\"name\":\"main\"", "\"name\":\"other\"", OTHER_ROLE);
    }

    @Test
    void anAssumedRoleSessionIsRenewedBeforeItExpiresAndRunsKeepSucceeding(@TempDir Path dir) throws Exception {
        // 15 min sessions (AssumeRole's minimum) renewed when less than 14 min 50 s remain: a new session every ~10 s
        serve = withTargets(dir, "      session-duration: 15m\n      refresh-before: 890s\n")
                .env("CACHEWATCH_SERVE_RECONCILE_INTERVAL", "2s").start("serve");
        await(Duration.ofSeconds(120), () -> assumeRoles() >= 3);
        double failures = counter(get("/q/metrics").body(), "cachewatch_reconcile_failures_total", "target=\"other\"");
        assertThat(failures).as(get("/status").body()).isZero();
        double runs = runsOk("other");
        await(Duration.ofSeconds(60), () -> runsOk("other") > runs);
        // every target's last reconcile ok (the audit's own "ok" is false against moto, which answers the service-update calls with HTTP 500)
        com.fasterxml.jackson.databind.JsonNode targets = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get("/status").body()).path("targets");
        assertThat(targets.findValues("name").stream().map(com.fasterxml.jackson.databind.JsonNode::asText)).contains("other");
        targets.forEach(t -> assertThat(t.at("/lastRun/ok").asBoolean()).as(t.toString()).isTrue());
        // renewed per session, not per call: each session served several runs of several calls
        String metrics = get("/q/metrics").body();
        double sessions = counter(metrics, "cachewatch_aws_calls_total", "target=\"other\"", "operation=\"AssumeRole\"");
        double calls = counter(metrics, "cachewatch_aws_calls_total", "target=\"other\"") - sessions;
        assertThat(sessions * 2).as(metrics).isLessThan(calls);
    }

    private double assumeRoles() {
        return counter(get("/q/metrics").body(), "cachewatch_aws_calls_total", "operation=\"AssumeRole\"");
    }

    private double runsOk(String target) {
        return counter(get("/q/metrics").body(), "cachewatch_reconcile_runs_total", "target=\"" + target + "\"", "result=\"ok\"");
    }

    @Test
    void aFailingTargetIsReportedByReadinessAndDoesNotStopTheOthers(@TempDir Path dir) throws Exception {
        serve = withTargets(dir)
                .env("AWS_ENDPOINT_URL_STS", MotoClients.closedPort().toString())
                .env("CACHEWATCH_AWS_MAX_ATTEMPTS", "2")
                .start("serve");
        await(Duration.ofSeconds(120), () -> alarms(TEST) == DEMO_ALARMS);
        await(Duration.ofSeconds(120), () -> get("/status").body().contains("\"ok\":false"));
        HttpResponse<String> ready = get("/q/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"main\": \"discovered\"").containsPattern("\"other\": \".*(Unable|refused|Connect)");
        assertThat(counter(get("/q/metrics").body(), "cachewatch_reconcile_failures_total", "target=\"other\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void serveReadsSlowLogsOnItsOwnSchedulePublishesFindingsAndReportsAStoppedNode(@TempDir Path dir) throws Exception {
        moto.reset();
        bridge.reset();
        try (DemoFleet fleet = new DemoFleet(moto.endpoint())) {
            fleet.redisSingleNode("orders", "cache.t3.micro");
            fleet.redisSingleNode("solo", "cache.t3.micro");
        }
        RedisServers.Server orders = redis.start();
        RedisServers.Server solo = redis.start();
        SnsQueue slack = new SnsQueue(moto.endpoint(), "slowlog");
        String topic = slack.topicArn();
        Path config = SlowlogConfig.write(dir, topic, Map.of("orders", orders.address(), "solo", solo.address()), "interval: 1s");
        // a long first reconcile (alarms at 2/s) must not hold up the slow-log reads, which have their own schedule
        serve = cachewatch.env("QUARKUS_CONFIG_LOCATIONS", config.toString()).env("CACHEWATCH_RATES_PUT_METRIC_ALARM", "2").start("serve");

        await(Duration.ofSeconds(120), () -> get("/status").body().contains("\"nodesRead\":2"));
        orders.cli("KEYS", "session:*");
        await(Duration.ofSeconds(120), () -> slack.receive().stream().map(m -> attributes(m.body()))
                .anyMatch(a -> a.at("/kind/Value").asText().equals("keys") && a.at("/cluster/Value").asText().equals("orders")));

        await(Duration.ofSeconds(120), () -> counter(get("/q/metrics").body(), "cachewatch_slowlog_publishes_total", "target=\"default\"") >= 1);
        // the console's cluster page shows the finding with its command shape and advice (once the first reconcile listed the cluster)
        await(Duration.ofSeconds(120), () -> get("/status/default/us-east-1/orders").statusCode() == 200);
        HttpResponse<String> ordersPage = http.send(HttpRequest.newBuilder(url("/status/default/us-east-1/orders")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ordersPage.body()).contains("class=\"finding\"", "KEYS scans the whole keyspace", "<code>KEYS session:",
                "<li>Replace KEYS with SCAN");
        assertThat(get("/status.json?cluster=orders").body()).contains("\"findings\":[{\"severity\":\"warning\",\"kind\":\"keys\"");
        String metrics = get("/q/metrics").body();
        assertThat(counter(metrics, "cachewatch_slowlog_polls_total", "outcome=\"ok\"")).isGreaterThanOrEqualTo(2);
        assertThat(counter(metrics, "cachewatch_slowlog_entries_total", "target=\"default\"")).isGreaterThanOrEqualTo(1);
        assertThat(counter(metrics, "cachewatch_slowlog_findings_total", "severity=\"warning\"")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("cachewatch_slowlog_drops_total{target=\"default\"} 0.0",
                "cachewatch_slowlog_unreachable_nodes{target=\"default\"} 0.0", "cachewatch_slowlog_restarts_total{target=\"default\"}",
                "cachewatch_slowlog_duration_seconds_count{target=\"default\"}",
                "cachewatch_aws_calls_total{operation=\"PublishBatch\",service=\"Sns\",target=\"default\"}");
        AwsOperationsLog.fromMetrics(metrics);
        assertThat(get("/status").body()).contains("\"slowlog\":{\"lastPoll\":\"", "\"nodesRead\":2", "\"pending\":0");

        solo.stop();
        await(Duration.ofSeconds(120), () -> counter(get("/q/metrics").body(), "cachewatch_slowlog_unreachable_nodes", "target=\"default\"") == 1);
        assertThat(counter(get("/q/metrics").body(), "cachewatch_slowlog_polls_total", "outcome=\"errors\"")).isGreaterThanOrEqualTo(1);
        String status = get("/status").body();
        assertThat(status).contains("\"nodesFailed\":1", "\"cluster\":\"solo\"", "connection refused");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/status")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<h2>Targets</h2>", "1 unreachable (solo/", "connection refused");

        assertThat(serve.terminate(Duration.ofSeconds(25))).as(serve.stderr()).isZero();
        assertThat(serve.stderr()).contains("stopped");
        slack.close();
    }

    @Test
    void sigtermDuringASlowLogPollWaitingOnASilentNodeEndsItWithinTheStopTimeout(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            java.util.List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // never answers, not even HELLO
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path config = SlowlogConfig.write(dir, "arn:aws:sns:us-east-1:123456789012:none",
                    Map.of("solo", "127.0.0.1:" + silent.getLocalPort()), "interval: 1s", "connect-timeout: 120s", "command-timeout: 120s");
            serve = cachewatch.env("QUARKUS_CONFIG_LOCATIONS", config.toString()).env("CACHEWATCH_SERVE_STOP_TIMEOUT", "6s").start("serve");
            await(Duration.ofSeconds(120), () -> alarms(TEST) == DEMO_ALARMS && get("/status").body().contains("\"ok\":true"));
            await(Duration.ofSeconds(120), () -> !accepted.isEmpty());

            assertThat(serve.terminate(Duration.ofSeconds(30))).as(serve.stderr()).isZero();
            assertThat(serve.stderr()).contains("stopped").doesNotContain("did not stop");
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    /**
     * The audit under serve on the demo fleet, every 2 s with notify on: each failing result reaches the SNS topic (an SQS
     * queue behind it) once, across audits and a restart; a cluster fixed between audits (here by a waiver tag) gets one
     * "resolved"; the results moto cannot judge (it answers DescribeUpdateActions, DescribeServiceUpdates and
     * DescribeUserGroups with HTTP 500) stay unknown and never announce a "resolved". /q/metrics has the result gauges
     * and the last audit's time, /status the failing results.
     */
    @Test
    void serveAuditsOnItsScheduleAnnouncesEachChangeOnceAcrossRestartsAndShowsTheResults(@TempDir Path dir) throws Exception {
        try (DemoFleet fleet = new DemoFleet(moto.endpoint()); SnsQueue slack = new SnsQueue(moto.endpoint(), "audit")) {
            cachewatch.env("CACHEWATCH_SERVE_SLOWLOG_ENABLED", "false")
                    .env("CACHEWATCH_AUDIT_INTERVAL", "2s")
                    .env("CACHEWATCH_AWS_MAX_ATTEMPTS", "2") // moto's HTTP 500s need no eight attempts
                    .env("CACHEWATCH_NOTIFY_DEFAULT_TOPIC", slack.topicArn())
                    .env("CACHEWATCH_SLOWLOG_STATE_FILE", dir.resolve("state/slowlog-state.json").toString());

            serve = cachewatch.start("serve");
            await(Duration.ofSeconds(180), () -> audits() >= 2);
            com.fasterxml.jackson.databind.JsonNode audit = defaultTarget().path("audit");
            List<String> failing = new java.util.ArrayList<>();
            audit.path("failing").forEach(r -> failing.add(id(r)));
            assertThat(failing).as(audit.toString()).isNotEmpty();
            assertThat(audit.path("summary").path("unknown").asLong()).as("moto's 500s leave results unknown").isPositive();
            assertThat(audit.path("ok").asBoolean()).isFalse();
            assertThat(audit.path("errors").toString()).contains("DescribeUpdateActions");
            assertThat(Files.exists(dir.resolve("state/audit-state.default.json"))).as("the target's own state file").isTrue();

            // every failing result announced once over two audits (and more), nothing resolved
            List<String> sent = ids(slack.drain(failing.size()));
            assertThat(sent).as("one message per failing result").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(failing.stream().map(id -> id + "/fail").toList());

            // gauges: the failing results per label set add up to the failing list; unknown ones are counted too
            String metrics = get("/q/metrics").body();
            assertThat(ServeIT.counter(metrics, "cachewatch_audit_results", "target=\"default\"", "status=\"fail\"")).isEqualTo(failing.size());
            assertThat(ServeIT.counter(metrics, "cachewatch_audit_results", "check=\"security-updates\"", "status=\"unknown\"")).isPositive();
            assertThat(ServeIT.counter(metrics, "cachewatch_audit_last_seconds", "target=\"default\"")).isPositive();
            assertThat(ServeIT.counter(metrics, "cachewatch_audit_runs_total", "target=\"default\"", "outcome=\"errors\"")).isGreaterThanOrEqualTo(2);

            // the console: the fleet page lists the failing results, the cluster page its own
            com.fasterxml.jackson.databind.JsonNode first = audit.path("failing").get(0);
            String fleetPage = html("/status");
            assertThat(fleetPage).contains("<h2>Audit of default: " + failing.size() + " failing</h2>", first.path("check").asText(),
                    "href=\"/status/default/us-east-1/" + first.path("cluster").asText() + "\"");
            assertThat(html(first.path("path").asText())).contains("class=\"audit-result\"", first.path("title").asText());
            assertThat(get("/status.json?cluster=" + first.path("cluster").asText()).body()).contains("\"audit\":[{\"severity\":\"");

            // a waiver on one failing result of a replication group: one "resolved", nothing else
            com.fasterxml.jackson.databind.JsonNode fixed = null;
            for (com.fasterxml.jackson.databind.JsonNode r : audit.path("failing")) {
                if (r.path("kind").asText().equals("elasticache")) {
                    fixed = r;
                    break;
                }
            }
            assertThat(fixed).as("a failing replication group result in " + audit).isNotNull();
            String cluster = fixed.path("cluster").asText();
            String arn = fleet.elastiCache().describeReplicationGroups(b -> b.replicationGroupId(cluster)).replicationGroups().get(0).arn();
            fleet.tag(arn, "cachewatch:waive:" + fixed.path("check").asText(), "accepted in the test: ticket T-1");
            double before = audits();
            await(Duration.ofSeconds(180), () -> audits() >= before + 2);
            assertThat(ids(slack.drain(1))).containsExactly(id(fixed) + "/resolved");

            // a restart reads the state file: nothing is announced again
            assertThat(serve.terminate(Duration.ofSeconds(25))).as(serve.stderr()).isZero();
            assertThat(serve.stderr()).contains("stopped").doesNotContain("did not stop");
            serve = cachewatch.start("serve");
            await(Duration.ofSeconds(180), () -> audits() >= 2);
            assertThat(ids(slack.drain(0))).as("nothing repeated after a restart").isEmpty();
            assertThat(defaultTarget().path("audit").path("failing").size()).isEqualTo(failing.size() - 1);
        }
    }

    private static String id(com.fasterxml.jackson.databind.JsonNode view) {
        return "cachewatch/" + view.path("region").asText() + "/" + view.path("kind").asText() + "/" + view.path("cluster").asText() + "/"
                + view.path("check").asText();
    }

    /** The Chatbot message ids ({@code <result id>/fail}, {@code …/resolved}) inside the SNS envelopes. */
    private static List<String> ids(List<software.amazon.awssdk.services.sqs.model.Message> messages) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> ids = new java.util.ArrayList<>();
        for (var m : messages) {
            ids.add(json.readTree(json.readTree(m.body()).path("Message").asText()).path("id").asText());
        }
        return ids;
    }

    private double audits() {
        return ServeIT.counter(get("/q/metrics").body(), "cachewatch_audit_runs_total", "target=\"default\"");
    }

    private com.fasterxml.jackson.databind.JsonNode defaultTarget() throws IOException {
        for (com.fasterxml.jackson.databind.JsonNode t : new com.fasterxml.jackson.databind.ObjectMapper().readTree(get("/status.json").body()).path("targets")) {
            if (t.path("name").asText().equals("default")) {
                return t;
            }
        }
        throw new AssertionError("no target default in /status.json");
    }

    private String html(String path) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }

    /** The MessageAttributes of an SNS envelope as SQS delivers it. */
    private static com.fasterxml.jackson.databind.JsonNode attributes(String envelope) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(envelope).path("MessageAttributes");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private CachewatchJar withTargets(Path dir) throws IOException {
        return withTargets(dir, "");
    }

    /** Targets "main" (the process's credentials) and "other" (an assumed role, with more YAML lines of its own). */
    private CachewatchJar withTargets(Path dir, String otherYaml) throws IOException {
        Path config = dir.resolve("targets.yaml");
        Files.writeString(config, "cachewatch:\n  targets:\n    - name: main\n      regions: [us-east-1]\n"
                + "    - name: other\n      regions: [us-east-1]\n      role-arn: " + OTHER_ROLE + "\n      external-id: test-external-id\n"
                + otherYaml);
        return cachewatch.env("QUARKUS_CONFIG_LOCATIONS", config.toString());
    }

    private static AwsCredentialsProvider assumed() {
        StsClient sts = StsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(TEST)
                .httpClient(ApacheHttpClient.create()).build();
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(OTHER_ROLE).roleSessionName("test")).build();
    }

    private static int alarms(AwsCredentialsProvider credentials) {
        try (CloudWatchClient cw = CloudWatchClient.builder().endpointOverride(bridge.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(ApacheHttpClient.create()).build()) {
            return (int) cw.describeAlarmsPaginator(b -> b.maxRecords(100)).metricAlarms().stream().count();
        }
    }

    private static List<String> dashboards(AwsCredentialsProvider credentials) {
        try (CloudWatchClient cw = CloudWatchClient.builder().endpointOverride(bridge.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(ApacheHttpClient.create()).build()) {
            return cw.listDashboards(b -> b.dashboardNamePrefix("cachewatch-")).dashboardEntries().stream()
                    .map(e -> e.dashboardName()).sorted().toList();
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) {
        return io.cachewatch.testing.BoundedHttp.send(http, HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(5)).build(),
                Duration.ofSeconds(10));
    }

    /** Sum of the samples of a Prometheus series whose labels contain all the given fragments. */
    static double counter(String metrics, String name, String... labelFragments) {
        Matcher m = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        double sum = 0;
        while (m.find()) {
            String labels = m.group(1);
            if (java.util.Arrays.stream(labelFragments).allMatch(labels::contains)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e; // not up yet
            }
            if (serve != null && !serve.process().isAlive()) {
                throw new AssertionError("serve exited " + serve.process().exitValue() + ": " + serve.stderr());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("condition not met in " + timeout + (last == null ? "" : " (last error: " + last + ")")
                + (serve == null ? "" : "\n" + serve.stderr()));
    }
}
