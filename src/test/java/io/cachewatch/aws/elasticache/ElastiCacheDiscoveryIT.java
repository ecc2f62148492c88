package io.cachewatch.aws.elasticache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.DiscoveryError;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.NodeTypes;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.testing.MotoClients;
import io.cachewatch.testing.MotoTestBase;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.ClusterMode;
import software.amazon.awssdk.services.elasticache.model.Tag;

/** Discovery against a real moto server: what moto returns (see testing-with-moto.md) is asserted exactly. */
class ElastiCacheDiscoveryIT extends MotoTestBase {
    private static final String REGION = "us-east-1";
    private static ElastiCacheClient client;

    @BeforeAll
    static void createClient() {
        client = MotoClients.elastiCache(moto.endpoint());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static ElastiCacheDiscovery discovery(Set<ClusterKind> kinds, int pageSize) {
        return new ElastiCacheDiscovery(region -> client, NodeTypes.standard(), kinds, pageSize);
    }

    private static Map<String, Cluster> byId(RegionInventory inventory) {
        return inventory.clusters().stream().collect(Collectors.toMap(Cluster::id, Function.identity()));
    }

    @Test
    void findsReplicationGroupsAndStandaloneClustersAsCloudWatchNamesThem() {
        client.createReplicationGroup(r -> r.replicationGroupId("sessions").replicationGroupDescription("sessions")
                .engine("redis").cacheNodeType("cache.r6g.large").numCacheClusters(3).transitEncryptionEnabled(true)
                .tags(Tag.builder().key("team").value("web").build()));
        client.createReplicationGroup(r -> r.replicationGroupId("orders").replicationGroupDescription("orders")
                .engine("redis").cacheNodeType("cache.r6g.xlarge").clusterMode(ClusterMode.ENABLED)
                .numNodeGroups(2).replicasPerNodeGroup(1));
        client.createCacheCluster(r -> r.cacheClusterId("catalog").engine("memcached").cacheNodeType("cache.t3.micro")
                .numCacheNodes(3).tags(Tag.builder().key("team").value("shop").build()));
        client.createCacheCluster(r -> r.cacheClusterId("scratch").engine("redis").cacheNodeType("cache.t3.micro")
                .numCacheNodes(1));

        RegionInventory inventory = discovery(EnumSet.of(ClusterKind.ELASTICACHE), 100).discover(REGION);

        assertThat(inventory.errors()).isEmpty();
        Map<String, Cluster> clusters = byId(inventory);
        assertThat(clusters).containsOnlyKeys("sessions", "orders", "catalog", "scratch");

        Cluster sessions = clusters.get("sessions");
        assertThat(sessions.clusterMode()).isFalse();
        assertThat(sessions.tls()).isTrue();
        assertThat(sessions.vcpus()).isEqualTo(2);
        assertThat(sessions.engine()).isEqualTo(Engine.REDIS);
        assertThat(sessions.tags()).containsExactly(Map.entry("team", "web"));
        assertThat(sessions.arn()).endsWith(":replicationgroup:sessions");
        assertThat(sessions.nodes()).isNotEmpty().allSatisfy(n -> {
            assertThat(n.cacheClusterId()).matches("sessions-00[1-9]");
            assertThat(n.id()).isEqualTo("0001");
        });
        assertThat(sessions.nodes().get(0).cacheClusterId()).isEqualTo("sessions-001");

        Cluster orders = clusters.get("orders");
        assertThat(orders.clusterMode()).isTrue();
        assertThat(orders.vcpus()).isEqualTo(4);
        assertThat(orders.endpoint()).isNotNull();
        assertThat(orders.shards()).hasSize(2);
        assertThat(orders.nodes()).extracting(Node::cacheClusterId, Node::id).containsExactly(
                tuple("orders-0001-001", "0001"), tuple("orders-0001-002", "0001"),
                tuple("orders-0002-001", "0001"), tuple("orders-0002-002", "0001"));

        Cluster catalog = clusters.get("catalog");
        assertThat(catalog.engine()).isEqualTo(Engine.MEMCACHED);
        assertThat(catalog.tags()).containsEntry("team", "shop");
        assertThat(catalog.nodes()).extracting(Node::cacheClusterId, Node::id, Node::role).containsExactly(
                tuple("catalog", "0001", NodeRole.UNKNOWN), tuple("catalog", "0002", NodeRole.UNKNOWN),
                tuple("catalog", "0003", NodeRole.UNKNOWN));

        Cluster scratch = clusters.get("scratch");
        assertThat(scratch.nodes()).extracting(Node::cacheClusterId, Node::id).containsExactly(tuple("scratch", "0001"));
        assertThat(scratch.vcpus()).isEqualTo(2);
        assertThat(scratch.tags()).isEmpty();
    }

    @Test
    void readsEveryPage() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            client.createCacheCluster(r -> r.cacheClusterId("cc-" + n).engine("redis").cacheNodeType("cache.t3.micro").numCacheNodes(1));
            client.createReplicationGroup(r -> r.replicationGroupId("rg-" + n).replicationGroupDescription("rg")
                    .engine("redis").cacheNodeType("cache.t3.micro"));
        }

        // moto honours MaxRecords/Marker for these listings, so a page of 2 really takes several pages.
        assertThat(client.describeCacheClusters(r -> r.maxRecords(2)).marker()).isNotNull();
        assertThat(client.describeReplicationGroups(r -> r.maxRecords(2)).marker()).isNotNull();

        RegionInventory inventory = discovery(EnumSet.of(ClusterKind.ELASTICACHE), 2).discover(REGION);

        assertThat(inventory.errors()).isEmpty();
        assertThat(inventory.clusters()).extracting(Cluster::id).containsExactlyInAnyOrder(
                "cc-0", "cc-1", "cc-2", "cc-3", "cc-4", "rg-0", "rg-1", "rg-2", "rg-3", "rg-4");
    }

    @Test
    void serverlessFailureIsARegionErrorAndOtherClustersStay() {
        client.createCacheCluster(r -> r.cacheClusterId("scratch").engine("redis").cacheNodeType("cache.t3.micro").numCacheNodes(1));

        RegionInventory inventory = discovery(EnumSet.allOf(ClusterKind.class), 100).discover(REGION);

        assertThat(inventory.complete()).isFalse();
        assertThat(inventory.errors()).extracting(DiscoveryError::region, DiscoveryError::operation)
                .containsExactly(tuple(REGION, "DescribeServerlessCaches"));
        assertThat(inventory.clusters()).extracting(Cluster::id).containsExactly("scratch");
    }

    @Test
    void unreachableEndpointIsRecordedNotThrown() {
        try (ElastiCacheClient closed = MotoClients.elastiCache(MotoClients.closedPort())) {
            RegionInventory inventory = new ElastiCacheDiscovery(region -> closed, NodeTypes.standard(),
                    EnumSet.of(ClusterKind.ELASTICACHE)).discover(REGION);

            assertThat(inventory.clusters()).isEmpty();
            assertThat(inventory.errors()).extracting(DiscoveryError::operation)
                    .containsExactly("DescribeCacheClusters", "DescribeReplicationGroups");
            assertThat(inventory.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
        }
    }

    @Test
    void clientThatCannotBeBuiltIsRecorded() {
        RegionInventory inventory = new ElastiCacheDiscovery(region -> {
            throw new IllegalStateException("no credentials");
        }, NodeTypes.standard(), EnumSet.of(ClusterKind.ELASTICACHE)).discover("eu-west-3");
        assertThat(inventory.errors()).singleElement().satisfies(e -> {
            assertThat(e.region()).isEqualTo("eu-west-3");
            assertThat(e.message()).contains("no credentials");
        });
    }
}
