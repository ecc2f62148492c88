package io.cachewatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.Fixtures;
import io.cachewatch.inventory.Cluster;
import org.junit.jupiter.api.Test;

/** Names (global, so regional), and the normalization the comparison rests on. */
class DashboardNamingAndJsonTest {
    private final DashboardNaming naming = new DashboardNaming("cachewatch-");

    @Test
    void namesCarryRegionKindAndClusterAndPages() {
        Cluster ledger = Fixtures.memoryDb("ledger", 1, 1);
        assertThat(naming.cluster(ledger, 1)).isEqualTo("cachewatch-us-east-1-memorydb-ledger");
        assertThat(naming.cluster(ledger, 3)).isEqualTo("cachewatch-us-east-1-memorydb-ledger--page-3");
        assertThat(naming.fleet("eu-west-1")).isEqualTo("cachewatch-eu-west-1--fleet");
        assertThat(DashboardNaming.isPageOf("cachewatch-us-east-1-memorydb-ledger--page-3", naming.cluster(ledger, 1))).isTrue();
        assertThat(DashboardNaming.isPageOf("cachewatch-us-east-1-memorydb-ledger-2", naming.cluster(ledger, 1))).isFalse();
    }

    /** A replication group and a standalone cache cluster may share an id; their dashboards may not share a name. */
    @Test
    void aReplicationGroupAndACacheClusterOfOneIdAreNamedApart() {
        Cluster group = Fixtures.redisReplicationGroup("orders", 1, java.util.Map.of());
        Cluster standalone = Fixtures.redisSingleNode("orders", "cache.t4g.small", 2);
        assertThat(naming.cluster(group, 1)).isEqualTo("cachewatch-us-east-1-elasticache-orders");
        assertThat(naming.cluster(standalone, 1)).isEqualTo("cachewatch-us-east-1-cachecluster-orders");
        assertThat(naming.formerCluster(standalone)).isEqualTo("cachewatch-us-east-1-elasticache-orders");
    }

    @Test
    void longNamesFitIn255CharactersAndStayUnique() {
        String id = "c" + "x".repeat(300);
        String a = naming.cluster(Fixtures.redisSingleNode(id + "a", "cache.t4g.small", 2), 2);
        String b = naming.cluster(Fixtures.redisSingleNode(id + "b", "cache.t4g.small", 2), 2);
        assertThat(a).hasSizeLessThanOrEqualTo(255).matches("[A-Za-z0-9_-]+").endsWith("--page-2").isNotEqualTo(b);
    }

    @Test
    void prefixMustBeAValidDashboardName() {
        assertThatThrownBy(() -> new DashboardNaming("cache watch/")).hasMessageContaining("A-Z a-z 0-9 - _");
    }

    @Test
    void normalizationIgnoresNumberFormsMemberOrderAndNulls() throws Exception {
        var a = DashboardJson.parse("{\"widgets\":[{\"width\":24,\"properties\":{\"a\":1,\"b\":80}}]}");
        var b = DashboardJson.parse("{ \"widgets\" : [ { \"properties\" : { \"b\" : 8.0E1, \"a\" : 1.00, \"c\": null }, \"width\" : 24.0 } ] }");
        assertThat(DashboardJson.same(a, b)).isTrue();
        var reordered = DashboardJson.parse("{\"widgets\":[{\"width\":24,\"properties\":{\"a\":1,\"b\":81}}]}");
        assertThat(DashboardJson.same(a, reordered)).isFalse();
        assertThat(DashboardJson.diff(a, reordered).summary()).isEqualTo("1 widget changed (widget #1)");
    }

    /** Found by the readers' fuzz test: a template that renders a number where a widget belongs is a problem, not a crash. */
    @Test
    void aWidgetThatIsNotAnObjectIsInvalidNotACrash() {
        assertThatThrownBy(() -> DashboardJson.parse("{\"widgets\": [{\"type\": \"text\"}, 7]}"))
                .isInstanceOf(DashboardJson.InvalidJson.class).hasMessage("widget #2 of \"widgets\" is number, not a JSON object");
        assertThat(DashboardJson.parseLenient("{\"widgets\": [7]}")).isEmpty();
    }

    @Test
    void invalidJsonNamesTheLine() {
        assertThatThrownBy(() -> DashboardJson.parse("{\n\"widgets\": [\n}\n")).isInstanceOfSatisfying(DashboardJson.InvalidJson.class,
                e -> assertThat(e.line()).isEqualTo(3));
    }
}
