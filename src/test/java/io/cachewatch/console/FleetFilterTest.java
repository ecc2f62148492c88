package io.cachewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetFilterTest {
    private final List<ClusterStatus> fleet = ClusterStatuses.of(ConsoleFixtures.fleet(30));

    @Test
    void firingClustersComeFirstThenByTargetRegionAndId() {
        List<ClusterStatus> sorted = FleetFilter.ALL.apply(fleet);
        assertThat(sorted).hasSize(30);
        assertThat(sorted.subList(0, 3)).extracting(ClusterStatus::id).containsExactly("cluster-0000", "cluster-0010", "cluster-0020");
        assertThat(sorted.get(3).id()).isEqualTo("cluster-0001");
    }

    @Test
    void firingClusterAndTargetFiltersNarrowTheList() {
        assertThat(new FleetFilter(true, null, null).apply(fleet)).extracting(ClusterStatus::id)
                .containsExactly("cluster-0000", "cluster-0010", "cluster-0020");
        assertThat(new FleetFilter(false, "CLUSTER-001", null).apply(fleet)).extracting(ClusterStatus::id)
                .as("case-insensitive substring, firing first").startsWith("cluster-0010").hasSize(10);
        assertThat(new FleetFilter(false, null, "prod").apply(fleet)).hasSize(30);
        assertThat(new FleetFilter(false, null, "staging").apply(fleet)).isEmpty();
        assertThat(new FleetFilter(false, " ", "").any()).as("blank parameters filter nothing").isFalse();
    }

    @Test
    void failedWritesOutrankCriticalFindingsWhichOutrankDriftAndFiringOutranksAll() {
        ClusterStatus base = fleet.get(1);
        ClusterStatus failed = with(base, new AlarmCounts(2, 1, 0, 0, 1, 0));
        ClusterStatus drifted = with(base, new AlarmCounts(2, 0, 0, 2, 0, 0));
        ClusterStatus critical = base.withFindings(List.of(new FindingView("critical", "keys", "KEYS", 1, 1L, "1 µs", List.of(),
                List.of(), List.of(), Instant.EPOCH)), Instant.EPOCH);
        ClusterStatus firing = with(base, new AlarmCounts(2, 2, 0, 0, 0, 1));
        assertThat(List.of(drifted, critical, failed, base, firing).stream().sorted(FleetFilter.BY_URGENCY).toList())
                .containsExactly(firing, failed, critical, drifted, base);
    }

    private static ClusterStatus with(ClusterStatus c, AlarmCounts counts) {
        return new ClusterStatus(c.target(), c.region(), c.kind(), c.id(), c.engine(), c.engineVersion(), c.status(), c.nodeType(),
                c.profile(), c.nodeCount(), counts, c.firing(), c.alarmList(), c.nodes(), c.dashboard(), c.dashboardLink(),
                c.consoleLink(), c.findings(), c.findingsAt(), c.audit());
    }
}
