package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeStateTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ServeState state = new ServeState(registry, Duration.ofMinutes(15));

    private static TargetStatus.RunResult run(Instant finished, boolean ok, Map<String, Long> nodes) {
        return new TargetStatus.RunResult(finished.minusSeconds(5), finished, ok, ok ? 0 : 1, Map.of(), Map.of(), nodes,
                ok ? List.of() : List.of("apply failed"), true, null);
    }

    private static TargetStatus.RunResult discoveryFailed(Instant finished) {
        return new TargetStatus.RunResult(finished.minusSeconds(5), finished, false, 1, Map.of(), Map.of(), Map.of(),
                List.of("discovery us-east-1 DescribeCacheClusters: Unable to execute HTTP request"), false, null);
    }

    @Test
    void readinessGoesDownWhenDiscoveryFailsLongerThanTheGraceAndUpAtTheNextSuccess() {
        state.serving(List.of(new Target("prod", List.of("us-east-1"), null, null)), false);
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        assertThat(state.notReady(t0)).containsEntry("prod", "first discovery pending");
        state.finished("prod", run(t0, true, Map.of("redis", 3L)));
        assertThat(state.notReady(t0)).isEmpty();

        state.finished("prod", discoveryFailed(t0.plus(Duration.ofMinutes(5))));
        state.finished("prod", discoveryFailed(t0.plus(Duration.ofMinutes(10))));
        assertThat(state.notReady(t0.plus(Duration.ofMinutes(20)))).as("failing for 15 min: within the grace").isEmpty();
        state.finished("prod", discoveryFailed(t0.plus(Duration.ofMinutes(25))));
        assertThat(state.notReady(t0.plus(Duration.ofMinutes(25)))).hasEntrySatisfying("prod", reason -> assertThat(reason)
                .isEqualTo("discovery failing since 2026-11-22T10:05:00Z (longer than PT15M): discovery us-east-1 DescribeCacheClusters: Unable to execute HTTP request"));

        state.finished("prod", run(t0.plus(Duration.ofMinutes(30)), false, Map.of("redis", 3L)));
        assertThat(state.notReady(t0.plus(Duration.ofMinutes(30)))).as("discovered again (the apply failing is not readiness)").isEmpty();
        state.finished("prod", discoveryFailed(t0.plus(Duration.ofMinutes(35))));
        assertThat(state.notReady(t0.plus(Duration.ofMinutes(45)))).as("a new outage starts a new grace").isEmpty();
    }

    @Test
    void readinessGoesDownAtOnceWhileTheStateStoreCannotBeUsedAndUpWhenItAnswers() {
        state.serving(List.of(new Target("prod", List.of("us-east-1"), null, null), new Target("other", List.of("us-east-1"), null, null)), true);
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        state.finished("prod", run(t0, true, Map.of("redis", 3L)));
        state.finished("other", run(t0, true, Map.of("redis", 3L)));
        state.stateStoreUnavailable("prod", "DynamoDB table cachewatch-state (us-east-1): cannot read the state of target prod: unreachable");
        assertThat(state.notReady(t0)).as("no grace: it cannot record what it would publish").containsOnlyKeys("prod")
                .containsEntry("prod", "state store: DynamoDB table cachewatch-state (us-east-1): cannot read the state of target prod: unreachable");
        state.stateStoreAnswered("prod");
        assertThat(state.notReady(t0)).isEmpty();
    }

    @Test
    void everyDocumentedCounterOfEveryTargetIsThereAtZeroFromTheStart() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServeState serving = new ServeState(prometheus, Duration.ofMinutes(15));
        serving.serving(List.of(new Target("prod", List.of("us-east-1"), null, null),
                new Target("other", List.of("eu-west-1"), "arn:aws:iam::222222222222:role/cachewatch", null)), true);
        String scrape = prometheus.scrape().replace(",}", "}"); // the simpleclient format ends label lists in a comma
        // the registry holds gauges weakly: a ServeState collected before the scrape would show them as NaN
        java.lang.ref.Reference.reachabilityFence(serving);
        for (String target : List.of("prod", "other")) {
            String t = "target=\"" + target + "\"";
            for (String series : List.of("cachewatch_reconcile_failures_total{" + t + "}", "cachewatch_reconcile_runs_total{result=\"failed\"," + t + "}",
                    "cachewatch_reconcile_changes_total{action=\"delete\",resource=\"dashboard\",status=\"failed\"," + t + "}",
                    "cachewatch_aws_throttles_total{operation=\"PutMetricAlarm\",service=\"CloudWatch\"," + t + "}",
                    "cachewatch_aws_throttles_total{operation=\"DescribeCacheClusters\",service=\"ElastiCache\"," + t + "}",
                    "cachewatch_aws_throttles_total{operation=\"PublishBatch\",service=\"Sns\"," + t + "}",
                    "cachewatch_slowlog_polls_total{outcome=\"failed\"," + t + "}", "cachewatch_slowlog_drops_total{" + t + "}",
                    "cachewatch_slowlog_findings_total{severity=\"critical\"," + t + "}", "cachewatch_slowlog_restarts_total{" + t + "}",
                    "cachewatch_slowlog_publishes_total{" + t + "}", "cachewatch_slowlog_entries_total{log=\"slow\"," + t + "}",
                    "cachewatch_slowlog_entries_total{log=\"large-reply\"," + t + "}",
                    "cachewatch_slowlog_unreachable_nodes{" + t + "}", "cachewatch_slowlog_pending{" + t + "}")) {
                assertThat(scrape).as(series).contains(series + " 0.0");
            }
        }
        assertThat(scrape).contains("cachewatch_aws_throttles_total{operation=\"AssumeRole\",service=\"Sts\",target=\"other\"} 0.0")
                .doesNotContain("cachewatch_aws_throttles_total{operation=\"AssumeRole\",service=\"Sts\",target=\"prod\"}");
    }

    @Test
    void aLabelValueCannotForgeAMetricLine() {
        // no data-plane text is a label (targets come from the configuration, services and operations from the SDK);
        // should one ever be, the exposition format escapes it
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ServeState(prometheus, Duration.ofMinutes(15)).serving(List.of(
                new Target("evil\"} 1\nforged_metric{x=\"\u001b[2J", List.of("us-east-1"), null, null)), false);
        String scrape = prometheus.scrape();
        assertThat(scrape.lines()).noneMatch(l -> l.startsWith("forged_metric"));
        assertThat(scrape).contains("target=\"evil\\\"} 1\\nforged_metric{x=\\\"");
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void aFailedApplyAfterAGoodDiscoveryKeepsTheLastSuccessTimeAndZeroesEnginesNoLongerSeen() {
        state.serving(List.of(new Target("prod", List.of("us-east-1"), null, null)), false);
        Instant first = Instant.parse("2026-11-22T10:00:00Z");
        state.finished("prod", run(first, true, Map.of("redis", 3L, "valkey", 2L)));
        assertThat(gauge("cachewatch.target.last.success.seconds", "target", "prod")).isEqualTo(first.getEpochSecond());

        state.finished("prod", run(first.plusSeconds(300), false, Map.of("redis", 4L)));

        assertThat(gauge("cachewatch.target.last.success.seconds", "target", "prod")).isEqualTo(first.getEpochSecond());
        assertThat(gauge("cachewatch.discovered.nodes", "target", "prod", "engine", "redis")).isEqualTo(4);
        assertThat(gauge("cachewatch.discovered.nodes", "target", "prod", "engine", "valkey")).isZero();
    }
}
