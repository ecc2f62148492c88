package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeStateTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ServeState state = new ServeState(registry);

    private static TargetStatus.RunResult run(Instant finished, boolean ok, Map<String, Long> nodes) {
        return new TargetStatus.RunResult(finished.minusSeconds(5), finished, ok, ok ? 0 : 1, Map.of(), Map.of(), nodes,
                ok ? List.of() : List.of("apply failed"), true, null);
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
