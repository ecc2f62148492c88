package io.cachewatch.aws.memorydb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.DiscoveryError;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.NodeTypes;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.testing.MotoClients;
import io.cachewatch.testing.MotoTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.memorydb.model.Tag;

/** Discovery against a real moto server. moto returns shards and nodes with endpoints, but no page markers. */
class MemoryDbDiscoveryIT extends MotoTestBase {
    private static final String REGION = "us-east-1";
    private static MemoryDbClient client;

    @BeforeAll
    static void createClient() {
        client = MotoClients.memoryDb(moto.endpoint());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static void create(String name, int shards) {
        client.createCluster(r -> r.clusterName(name).nodeType("db.r6g.large").aclName("open-access")
                .numShards(shards).numReplicasPerShard(1).tlsEnabled(true)
                .tags(Tag.builder().key("owner").value("payments").build()));
    }

    @Test
    void findsClustersWithShardsAndNodesNamedAsCloudWatchNamesThem() {
        create("ledger", 2);

        RegionInventory inventory = new MemoryDbDiscovery(region -> client, NodeTypes.standard()).discover(REGION);

        assertThat(inventory.errors()).isEmpty();
        Cluster ledger = inventory.clusters().get(0);
        assertThat(inventory.clusters()).hasSize(1);
        assertThat(ledger.kind()).isEqualTo(ClusterKind.MEMORYDB);
        assertThat(ledger.id()).isEqualTo("ledger");
        assertThat(ledger.vcpus()).isEqualTo(2);
        assertThat(ledger.tls()).isTrue();
        assertThat(ledger.tags()).containsEntry("owner", "payments");
        assertThat(ledger.arn()).isNotBlank();
        assertThat(ledger.endpoint()).isNotNull();
        assertThat(ledger.shards()).extracting(s -> s.id()).containsExactly("0001", "0002");
        assertThat(ledger.nodes()).extracting(Node::cacheClusterId).containsOnly("ledger");
        assertThat(ledger.nodes()).extracting(Node::id)
                .containsExactly("ledger-0001-001", "ledger-0001-002", "ledger-0002-001", "ledger-0002-002");
        assertThat(ledger.nodes()).allSatisfy(n -> {
            assertThat(n.role()).isEqualTo(NodeRole.UNKNOWN);
            assertThat(n.endpoint()).isNotNull();
        });
    }

    /** moto ignores MaxResults here and answers in one page; paging is the SDK paginator's, as on AWS. */
    @Test
    void readsEveryPage() {
        for (int i = 0; i < 5; i++) {
            create("c" + i, 1);
        }
        RegionInventory inventory = new MemoryDbDiscovery(region -> client, NodeTypes.standard(), 2).discover(REGION);

        assertThat(inventory.errors()).isEmpty();
        assertThat(inventory.clusters()).extracting(Cluster::id).containsExactlyInAnyOrder("c0", "c1", "c2", "c3", "c4");
    }

    @Test
    void unreachableEndpointIsRecordedNotThrown() {
        try (MemoryDbClient closed = MotoClients.memoryDb(MotoClients.closedPort())) {
            RegionInventory inventory = new MemoryDbDiscovery(region -> closed, NodeTypes.standard()).discover(REGION);

            assertThat(inventory.clusters()).isEmpty();
            assertThat(inventory.errors()).extracting(DiscoveryError::operation).containsExactly("DescribeClusters");
        }
    }
}
