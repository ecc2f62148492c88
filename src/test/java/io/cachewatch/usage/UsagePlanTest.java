package io.cachewatch.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.Fixtures;
import io.cachewatch.alarm.Dimension;
import io.cachewatch.inventory.Cluster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsagePlanTest {
    static final Instant TO = Instant.parse("2026-11-30T00:00:00Z");
    static final Instant FROM = TO.minusSeconds(14 * 86400);

    @Test
    void queriesUseTheDimensionsEachKindPublishesUnder() {
        Cluster group = Fixtures.redisReplicationGroup("orders", 1, Map.of());
        Cluster mdb = Fixtures.memoryDb("ledger", 1, 0);
        Cluster sls = Fixtures.serverless("sessions", null, null);
        List<MetricQuery> queries = UsagePlan.of(List.of(group, mdb, sls), FROM, TO).queries();
        assertThat(queries).contains(new MetricQuery("AWS/ElastiCache", "EngineCPUUtilization",
                List.of(new Dimension("CacheClusterId", "orders-002"), new Dimension("CacheNodeId", "0001")), "Maximum", 3600));
        assertThat(queries).contains(new MetricQuery("AWS/MemoryDB", "IsPrimary",
                List.of(new Dimension("ClusterName", "ledger"), new Dimension("NodeName", "ledger-0001-001")), "Maximum", 86400));
        assertThat(queries).contains(new MetricQuery("AWS/ElastiCache", "ElastiCacheProcessingUnits",
                List.of(new Dimension("clusterId", "sessions")), "Sum", 86400));
        // a cluster-mode-disabled group reports roles: no IsPrimary; serverless has no CPU or memory percentage
        assertThat(queries).noneMatch(q -> q.metric().equals("IsPrimary") && q.namespace().equals("AWS/ElastiCache"));
        assertThat(queries).noneMatch(q -> q.dimensions().get(0).name().equals("clusterId")
                && List.of("EngineCPUUtilization", "DatabaseMemoryUsagePercentage", "CPUUtilization").contains(q.metric()));
        // per node of the group: 11 figures, commands from two metrics = 12 queries
        assertThat(queries.stream().filter(q -> q.dimensions().get(0).value().equals("orders-001"))).hasSize(12);
    }

    @Test
    void answersAreAssembledPerClusterAndNodeAndCommandsAreSummed() {
        Cluster group = Fixtures.redisReplicationGroup("orders", 1, Map.of());
        UsagePlan plan = UsagePlan.of(List.of(group), FROM, TO);
        List<Series> answers = new ArrayList<>();
        for (MetricQuery q : plan.queries()) {
            double v = switch (q.metric()) {
                case "GetTypeCmds" -> 10;
                case "SetTypeCmds" -> 5;
                default -> 1;
            };
            answers.add(q.dimensions().get(0).value().equals("orders-002") && q.metric().equals("Evictions") ? Series.EMPTY
                    : new Series(List.of(new Series.Point(FROM, v))));
        }
        ClusterUsage usage = plan.assemble(answers).get(group.key());
        assertThat(usage.nodes()).extracting(ClusterUsage.NodeUsage::label).containsExactly("orders-001/0001", "orders-002/0001");
        assertThat(usage.nodes().get(0).get(Figure.COMMANDS).sum()).isEqualTo(15);
        assertThat(usage.nodes().get(1).has(Figure.EVICTIONS)).isTrue();
        assertThat(usage.nodes().get(1).get(Figure.EVICTIONS).isEmpty()).isTrue();
        assertThat(usage.lookback()).hasDays(14);
        assertThatThrownBy(() -> plan.assemble(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
