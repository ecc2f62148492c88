package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.console.FleetFilter;
import io.cachewatch.lease.LeaseKeeper;
import io.cachewatch.lease.LeasePlan;
import io.cachewatch.lease.MemoryLeaseStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Serve's side of the leases over the in-memory store: metrics, /status, readiness, hand-back. */
class ServeLeasesTest {
    private static final List<String> TARGETS = List.of("t1", "t2", "t3", "t4", "t5", "t6");
    private final MemoryLeaseStore store = new MemoryLeaseStore();
    private final AtomicLong clock = new AtomicLong(1_000_000);

    private record Task(ServeLeases leases, ServeState state, SimpleMeterRegistry registry, TargetsReadiness readiness, List<String> started) {
        double held(String target) {
            return registry.get("cachewatch.lease.held").tag("target", target).gauge().value();
        }

        double takeovers() {
            return registry.get("cachewatch.lease.takeovers").counters().stream().mapToDouble(c -> c.count()).sum();
        }
    }

    private Task task(String id) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServeState state = new ServeState(registry, Duration.ofMinutes(15));
        state.serving(TARGETS.stream().map(t -> new Target(t, List.of("us-east-1"), null, null)).toList(), false);
        LeaseKeeper keeper = new LeaseKeeper(new LeaseKeeper.Settings(id, new LeasePlan.Timing(3_000, 1_000), 500), TARGETS, store, clock::get);
        ServeLeases leases = new ServeLeases(keeper, TARGETS, state, registry, "cachewatch-state");
        List<String> started = new ArrayList<>();
        leases.onAcquired(started::add);
        return new Task(leases, state, registry, new TargetsReadiness(state), started);
    }

    /** a takes all, b announces itself, a hands three back, b takes them. */
    private static void settle(Task a, Task b) {
        a.leases().round();
        b.leases().round();
        a.leases().round();
        b.leases().round();
    }

    @Test
    void twoTasksShowWhoHoldsWhatInMetricsStatusAndReadiness() {
        Task a = task("a");
        Task b = task("b");
        settle(a, b);
        a.leases().round(); // sees what b took
        assertThat(TARGETS.stream().mapToDouble(a::held).sum()).isEqualTo(3);
        assertThat(TARGETS).allSatisfy(t -> assertThat(a.held(t) + b.held(t)).isEqualTo(1));
        assertThat(b.takeovers()).as("b took three targets a held first").isEqualTo(3);
        assertThat(a.started()).hasSize(6);
        assertThat(b.started()).hasSize(3);

        ServeState.Leases view = a.state().leases();
        assertThat(view.held()).hasSize(3);
        String ofB = TARGETS.stream().filter(t -> !view.held().contains(t)).findFirst().orElseThrow();
        assertThat(view.holderOf(ofB)).isEqualTo("b");
        assertThat(view.holderOf(view.held().get(0))).isEqualTo("a (this task)");
        // readiness: only the targets a works count; the others are shown with their holder
        view.held().forEach(a.state()::discovered);
        assertThat(a.readiness().call().getStatus().name()).isEqualTo("UP");
        assertThat(a.readiness().call().getData().orElseThrow()).containsEntry(ofB, "held by b").containsEntry("task", "a");

        String html = new StatusPages().fleet(a.state().clusters(), a.state().targets().stream()
                .map(t -> StatusPages.TargetRow.of(t, "discovered", view)).toList(), FleetFilter.ALL, true, Instant.now(), view);
        assertThat(html).contains("This task: a").contains("<td data-label=\"held by\">b</td>")
                .contains("<td data-label=\"held by\">a (this task)</td>");
    }

    @Test
    void anUnreachableTableTakesReadinessDownWithTheReasonAndItComesBackOnItsOwn() {
        Task a = task("a");
        a.leases().round();
        TARGETS.forEach(a.state()::discovered);
        assertThat(a.readiness().call().getStatus().name()).isEqualTo("UP");
        store.down = true;
        clock.addAndGet(1_000);
        a.leases().round();
        assertThat(a.leases().holds("t1")).isFalse();
        assertThat(a.readiness().call().getStatus().name()).isEqualTo("DOWN");
        assertThat(a.readiness().call().getData().orElseThrow().get(ServeState.LEASE_TABLE).toString())
                .startsWith("lease table cachewatch-state unreachable since").contains("memory store is down");
        assertThat(TARGETS).allSatisfy(t -> assertThat(a.held(t)).isZero());
        store.down = false;
        clock.addAndGet(500);
        a.leases().round();
        assertThat(a.readiness().call().getStatus().name()).isEqualTo("UP");
        assertThat(a.leases().holds("t1")).isTrue();
    }

    @Test
    void releaseHandsEveryTargetToTheOtherTaskAtItsNextRound() {
        Task a = task("a");
        Task b = task("b");
        settle(a, b);
        a.leases().release();
        assertThat(TARGETS).allSatisfy(t -> assertThat(a.held(t)).isZero());
        assertThat(a.leases().holds(a.state().leases().holders().keySet().iterator().next())).isFalse();
        b.leases().round();
        assertThat(TARGETS).allSatisfy(t -> assertThat(b.held(t)).isEqualTo(1));
    }
}
