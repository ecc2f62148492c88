package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsReadinessTest {
    private final ServeState state = new ServeState(new SimpleMeterRegistry(), Duration.ofMinutes(15));
    private final TargetsReadiness readiness = new TargetsReadiness(state);

    @Test
    void aChangeOfReadinessIsLoggedOnceNotAtEveryProbe() {
        assertThat(readiness.logChange(Map.of())).as("up from the start: nothing to say").isFalse();
        Map<String, String> down = Map.of("prod", "discovery failing since 2026-11-22T10:05:00Z (longer than PT15M): timeout");
        assertThat(readiness.logChange(down)).isTrue();
        for (int probe = 0; probe < 100; probe++) {
            assertThat(readiness.logChange(down)).as("probe %d while still down", probe).isFalse();
        }
        assertThat(readiness.logChange(Map.of("prod", "discovery failing since 2026-11-22T10:05:00Z (longer than PT15M): another error")))
                .as("the same target still down for another reason").isFalse();
        assertThat(readiness.logChange(Map.of("prod", "x", "ops", "y"))).as("another target down too").isTrue();
        assertThat(readiness.logChange(Map.of())).as("up again").isTrue();
        assertThat(readiness.logChange(Map.of())).isFalse();
    }

    @Test
    void eachProbeStillAnswersWithEveryTargetsState() {
        state.serving(List.of(new Target("prod", List.of("us-east-1"), null, null)), true);
        assertThat(readiness.call().getData()).hasValueSatisfying(d -> assertThat(d).containsEntry("prod", "first discovery pending"));
        state.discovered("prod");
        assertThat(readiness.call().getStatus().name()).isEqualTo("UP");
        assertThat(state.targets().get(0).slowlog().waiting()).as("the slow log no longer waits for discovery")
                .isEqualTo("discovery complete; first poll at the next slow-log interval");
    }
}
