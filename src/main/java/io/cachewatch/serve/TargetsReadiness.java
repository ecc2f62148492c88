package io.cachewatch.serve;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the first discovery of every target succeeded, and down again while a target's discovery has been failing
 * for longer than {@code cachewatch.serve.readiness-grace}; names the targets not ready and why.
 */
@Readiness
@ApplicationScoped
public class TargetsReadiness implements HealthCheck {
    private final ServeState state;

    public TargetsReadiness(ServeState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("targets");
        if (!state.serving()) {
            return b.down().withData("reason", "not serving").build();
        }
        Map<String, String> waiting = state.notReady();
        state.targets().forEach(t -> b.withData(t.name(), waiting.getOrDefault(t.name(), "discovered")));
        return b.status(waiting.isEmpty()).build();
    }
}
