package io.cachewatch.aws.memorydb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Endpoint;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.NodeTypes;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.memorydb.model.Shard;

/** Translation from SDK shapes built after the MemoryDB API reference's DescribeClusters response (ShowShardDetails). */
class MemoryDbTranslationTest {
    private static software.amazon.awssdk.services.memorydb.model.Node node(String name, String zone) {
        return software.amazon.awssdk.services.memorydb.model.Node.builder().name(name).status("available").availabilityZone(zone)
                .endpoint(e -> e.address(name + ".ledger.abc.memorydb.eu-west-1.amazonaws.com").port(6379)).build();
    }

    @Test
    void shardsWithNodesNamedAsCloudWatchPublishesThem() {
        var cluster = software.amazon.awssdk.services.memorydb.model.Cluster.builder()
                .name("ledger").arn("arn:aws:memorydb:eu-west-1:123456789012:cluster/ledger").status("available")
                .engine("valkey").engineVersion("7.3").nodeType("db.r6g.large").tlsEnabled(true)
                .clusterEndpoint(e -> e.address("clustercfg.ledger.abc.memorydb.eu-west-1.amazonaws.com").port(6379))
                .shards(Shard.builder().name("0001").nodes(node("ledger-0001-001", "eu-west-1a"), node("ledger-0001-002", "eu-west-1b")).build(),
                        Shard.builder().name("0002").nodes(node("ledger-0002-001", "eu-west-1b"), node("ledger-0002-002", "eu-west-1c")).build())
                .build();

        Cluster translated = MemoryDbTranslation.cluster(cluster, Map.of("owner", "payments"), "eu-west-1", NodeTypes.standard());

        assertThat(translated.kind()).isEqualTo(ClusterKind.MEMORYDB);
        assertThat(translated.engine()).isEqualTo(Engine.VALKEY);
        assertThat(translated.engineVersion()).isEqualTo("7.3");
        assertThat(translated.vcpus()).isEqualTo(2);
        assertThat(translated.tls()).isTrue();
        assertThat(translated.clusterMode()).isTrue();
        assertThat(translated.endpoint()).isEqualTo(new Endpoint("clustercfg.ledger.abc.memorydb.eu-west-1.amazonaws.com", 6379));
        assertThat(translated.tags()).containsEntry("owner", "payments");
        assertThat(translated.shards()).extracting(s -> s.id()).containsExactly("0001", "0002");
        assertThat(translated.nodes()).extracting(Node::cacheClusterId).containsOnly("ledger");
        assertThat(translated.nodes()).extracting(Node::id)
                .containsExactly("ledger-0001-001", "ledger-0001-002", "ledger-0002-001", "ledger-0002-002");
        assertThat(translated.nodes()).extracting(Node::role).containsOnly(NodeRole.UNKNOWN);
        assertThat(translated.nodes().get(3).availabilityZone()).isEqualTo("eu-west-1c");
    }

    @Test
    void missingEngineMeansRedisAndUnknownNodeTypeHasNoSize() {
        var cluster = software.amazon.awssdk.services.memorydb.model.Cluster.builder().name("old").arn("arn:old")
                .nodeType("db.x9.unknown").build();
        Cluster translated = MemoryDbTranslation.cluster(cluster, Map.of(), "us-east-1", NodeTypes.standard());
        assertThat(translated.engine()).isEqualTo(Engine.REDIS);
        assertThat(translated.vcpus()).isNull();
        assertThat(translated.memoryBytes()).isNull();
        assertThat(translated.tls()).isFalse();
        assertThat(translated.shards()).isEmpty();
    }
}
