package io.cachewatch.serve;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the first discovery of every target succeeded, and down again while a target's discovery has been failing
 * for longer than {@code cachewatch.serve.readiness-grace}; names the targets not ready and why. With leases, only
 * the targets this task holds count (the others are listed with their holder), and a lease table this task cannot
 * reach takes readiness down with the reason.
 */
@Readiness
@ApplicationScoped
public class TargetsReadiness implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(TargetsReadiness.class);
    private final ServeState state;
    /** The targets not ready at the last probe; null before the first probe. A change is logged once, not every probe. */
    private final AtomicReference<Set<String>> lastNotReady = new AtomicReference<>();

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
        logChange(waiting);
        ServeState.Leases leases = state.leases();
        if (leases != null) {
            b.withData("task", leases.task());
            b.withData(ServeState.LEASE_TABLE, waiting.getOrDefault(ServeState.LEASE_TABLE, "reachable"));
        }
        state.targets().forEach(t -> b.withData(t.name(), waiting.getOrDefault(t.name(),
                leases == null || leases.held().contains(t.name()) ? "discovered" : "held by " + leases.holderOf(t.name()))));
        return b.status(waiting.isEmpty()).build();
    }

    /** Logs when the set of targets not ready changed since the last probe; returns whether it logged. */
    boolean logChange(Map<String, String> waiting) {
        Set<String> now = new TreeSet<>(waiting.keySet());
        Set<String> before = lastNotReady.getAndSet(now);
        if (now.equals(before) || before == null && now.isEmpty()) {
            return false;
        }
        if (now.isEmpty()) {
            LOG.info("readiness up: every target discovered");
        } else if (before == null && waiting.values().stream().allMatch("first discovery pending"::equals)) {
            LOG.debugf("readiness down until the first discovery of %s", now);
        } else {
            waiting.forEach((target, why) -> LOG.warnf("readiness down: target %s: %s", target, why));
        }
        return true;
    }
}
