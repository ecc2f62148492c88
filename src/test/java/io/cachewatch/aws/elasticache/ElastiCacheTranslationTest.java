package io.cachewatch.aws.elasticache;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Endpoint;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.NodeTypes;
import io.cachewatch.inventory.ServerlessLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.CacheNode;
import software.amazon.awssdk.services.elasticache.model.CacheUsageLimits;
import software.amazon.awssdk.services.elasticache.model.ClusterMode;
import software.amazon.awssdk.services.elasticache.model.DataStorageUnit;
import software.amazon.awssdk.services.elasticache.model.NodeGroup;
import software.amazon.awssdk.services.elasticache.model.NodeGroupMember;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.ServerlessCache;

/**
 * Translation from SDK shapes built after the response shapes documented in the ElastiCache API reference
 * (ReplicationGroup, NodeGroup, NodeGroupMember, CacheCluster, CacheNode, ServerlessCache). moto returns none of
 * CurrentRole, member read endpoints, CacheNodes or serverless caches, so these parts are covered here only.
 */
class ElastiCacheTranslationTest {
    private static final String REGION = "eu-west-1";
    private static final NodeTypes NODE_TYPES = NodeTypes.standard();

    private static software.amazon.awssdk.services.elasticache.model.Endpoint ep(String host, int port) {
        return software.amazon.awssdk.services.elasticache.model.Endpoint.builder().address(host).port(port).build();
    }

    private static NodeGroupMember member(String clusterId, String role, String zone) {
        return NodeGroupMember.builder().cacheClusterId(clusterId).cacheNodeId("0001").currentRole(role)
                .readEndpoint(ep(clusterId + ".abc.euw1.cache.amazonaws.com", 6379)).preferredAvailabilityZone(zone).build();
    }

    @Test
    void clusterModeDisabledGroupWithPrimaryAndTwoReplicas() {
        ReplicationGroup rg = ReplicationGroup.builder()
                .replicationGroupId("sessions").arn("arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:sessions")
                .status("available").cacheNodeType("cache.r6g.large").clusterEnabled(false).clusterMode(ClusterMode.DISABLED)
                .transitEncryptionEnabled(true).engine("valkey")
                .memberClusters("sessions-001", "sessions-002", "sessions-003")
                .nodeGroups(NodeGroup.builder().nodeGroupId("0001").status("available")
                        .primaryEndpoint(ep("master.sessions.abc.euw1.cache.amazonaws.com", 6379))
                        .readerEndpoint(ep("replica.sessions.abc.euw1.cache.amazonaws.com", 6379))
                        .nodeGroupMembers(member("sessions-001", "primary", "eu-west-1a"),
                                member("sessions-002", "replica", "eu-west-1b"),
                                member("sessions-003", "replica", "eu-west-1c"))
                        .build())
                .build();
        CacheCluster described = CacheCluster.builder().cacheClusterId("sessions-001").replicationGroupId("sessions")
                .engine("valkey").engineVersion("8.0.1").build();

        Cluster cluster = ElastiCacheTranslation.replicationGroup(rg, Map.of("sessions-001", described),
                Map.of("team", "web"), REGION, NODE_TYPES);

        assertThat(cluster.kind()).isEqualTo(ClusterKind.ELASTICACHE);
        assertThat(cluster.id()).isEqualTo("sessions");
        assertThat(cluster.engine()).isEqualTo(Engine.VALKEY);
        assertThat(cluster.engineVersion()).isEqualTo("8.0.1");
        assertThat(cluster.vcpus()).isEqualTo(2);
        assertThat(cluster.tls()).isTrue();
        assertThat(cluster.clusterMode()).isFalse();
        assertThat(cluster.endpoint()).isEqualTo(new Endpoint("master.sessions.abc.euw1.cache.amazonaws.com", 6379));
        assertThat(cluster.tags()).containsEntry("team", "web");
        assertThat(cluster.shards()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("0001"));
        assertThat(cluster.nodes()).extracting(Node::cacheClusterId, Node::id, Node::role, Node::availabilityZone)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sessions-001", "0001", NodeRole.PRIMARY, "eu-west-1a"),
                        org.assertj.core.groups.Tuple.tuple("sessions-002", "0001", NodeRole.REPLICA, "eu-west-1b"),
                        org.assertj.core.groups.Tuple.tuple("sessions-003", "0001", NodeRole.REPLICA, "eu-west-1c"));
        assertThat(cluster.nodes().get(1).endpoint().host()).isEqualTo("sessions-002.abc.euw1.cache.amazonaws.com");
    }

    @Test
    void clusterModeEnabledGroupWithThreeShardsOfTwo() {
        ReplicationGroup.Builder rg = ReplicationGroup.builder().replicationGroupId("orders")
                .arn("arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:orders").status("available")
                .cacheNodeType("cache.r6g.xlarge").clusterEnabled(true)
                .configurationEndpoint(ep("clustercfg.orders.abc.euw1.cache.amazonaws.com", 6379));
        List<NodeGroup> groups = new java.util.ArrayList<>();
        for (int shard = 1; shard <= 3; shard++) {
            String prefix = String.format("orders-%04d-", shard);
            // Cluster-mode-enabled members carry no CurrentRole and no ReadEndpoint in the documented responses.
            groups.add(NodeGroup.builder().nodeGroupId(String.format("%04d", shard)).slots("0-5461")
                    .nodeGroupMembers(NodeGroupMember.builder().cacheClusterId(prefix + "001").cacheNodeId("0001").build(),
                            NodeGroupMember.builder().cacheClusterId(prefix + "002").cacheNodeId("0001").build())
                    .build());
        }
        Cluster cluster = ElastiCacheTranslation.replicationGroup(rg.nodeGroups(groups).build(), Map.of(), Map.of(), REGION,
                NODE_TYPES);

        assertThat(cluster.engine()).isEqualTo(Engine.REDIS);
        assertThat(cluster.clusterMode()).isTrue();
        assertThat(cluster.vcpus()).isEqualTo(4);
        assertThat(cluster.endpoint().host()).startsWith("clustercfg.orders");
        assertThat(cluster.shards()).extracting(s -> s.id()).containsExactly("0001", "0002", "0003");
        assertThat(cluster.nodes()).extracting(Node::cacheClusterId).containsExactly("orders-0001-001", "orders-0001-002",
                "orders-0002-001", "orders-0002-002", "orders-0003-001", "orders-0003-002");
        assertThat(cluster.nodes()).allSatisfy(n -> {
            assertThat(n.id()).isEqualTo("0001");
            assertThat(n.role()).isEqualTo(NodeRole.UNKNOWN);
        });
        assertThat(cluster.hasReplicas(cluster.shards().get(0))).isTrue();
    }

    @Test
    void memberEndpointsComeFromTheCacheClusterListingWhenTheGroupHasNone() {
        ReplicationGroup rg = ReplicationGroup.builder().replicationGroupId("rg").arn("arn:rg").memberClusters("rg-0001-001")
                .nodeGroups(NodeGroup.builder().nodeGroupId("0001")
                        .nodeGroupMembers(NodeGroupMember.builder().cacheClusterId("rg-0001-001").build()).build())
                .build();
        CacheCluster member = CacheCluster.builder().cacheClusterId("rg-0001-001").replicationGroupId("rg").engine("redis")
                .engineVersion("7.1.0").cacheNodeType("cache.m7g.large")
                .cacheNodes(CacheNode.builder().cacheNodeId("0001").endpoint(ep("rg-0001-001.abc.cache.amazonaws.com", 6379))
                        .customerAvailabilityZone("eu-west-1b").build())
                .build();

        Cluster cluster = ElastiCacheTranslation.replicationGroup(rg, Map.of("rg-0001-001", member), Map.of(), REGION, NODE_TYPES);

        assertThat(cluster.nodeType()).isEqualTo("cache.m7g.large");
        assertThat(cluster.engineVersion()).isEqualTo("7.1.0");
        assertThat(cluster.nodes()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("0001");
            assertThat(n.endpoint()).isEqualTo(new Endpoint("rg-0001-001.abc.cache.amazonaws.com", 6379));
            assertThat(n.availabilityZone()).isEqualTo("eu-west-1b");
        });
    }

    @Test
    void memberNodeIdIsTheDocumented0001EvenWhenTheMemberFieldSaysOtherwise() {
        // moto reports the node group id (0002) as CacheNodeId of the second shard's members; AWS and CloudWatch use 0001.
        ReplicationGroup rg = ReplicationGroup.builder().replicationGroupId("rg").arn("arn:rg").clusterEnabled(true)
                .nodeGroups(NodeGroup.builder().nodeGroupId("0002")
                        .nodeGroupMembers(NodeGroupMember.builder().cacheClusterId("rg-0002-001").cacheNodeId("0002").build()).build())
                .build();
        assertThat(ElastiCacheTranslation.replicationGroup(rg, Map.of(), Map.of(), REGION, NODE_TYPES).nodes())
                .extracting(Node::cacheClusterId, Node::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rg-0002-001", "0001"));
    }

    @Test
    void standaloneMemcachedWithThreeCacheNodes() {
        CacheCluster.Builder cc = CacheCluster.builder().cacheClusterId("catalog").arn("arn:aws:elasticache:eu-west-1:123456789012:cluster:catalog")
                .engine("memcached").engineVersion("1.6.22").cacheNodeType("cache.t3.micro").numCacheNodes(3)
                .cacheClusterStatus("available").configurationEndpoint(ep("catalog.abc.cfg.euw1.cache.amazonaws.com", 11211));
        List<CacheNode> nodes = List.of(
                CacheNode.builder().cacheNodeId("0001").endpoint(ep("catalog.abc.0001.euw1.cache.amazonaws.com", 11211)).customerAvailabilityZone("eu-west-1a").build(),
                CacheNode.builder().cacheNodeId("0002").endpoint(ep("catalog.abc.0002.euw1.cache.amazonaws.com", 11211)).customerAvailabilityZone("eu-west-1b").build(),
                CacheNode.builder().cacheNodeId("0003").endpoint(ep("catalog.abc.0003.euw1.cache.amazonaws.com", 11211)).customerAvailabilityZone("eu-west-1c").build());

        Cluster cluster = ElastiCacheTranslation.cacheCluster(cc.cacheNodes(nodes).build(), Map.of(), REGION, NODE_TYPES);

        assertThat(cluster.engine()).isEqualTo(Engine.MEMCACHED);
        assertThat(cluster.vcpus()).isEqualTo(2);
        assertThat(cluster.endpoint().port()).isEqualTo(11211);
        assertThat(cluster.shards()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("0001"));
        assertThat(cluster.nodes()).extracting(Node::cacheClusterId).containsOnly("catalog");
        assertThat(cluster.nodes()).extracting(Node::id).containsExactly("0001", "0002", "0003");
        assertThat(cluster.nodes()).extracting(Node::availabilityZone).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
        assertThat(cluster.hasReplicas(cluster.shards().get(0))).isFalse();
    }

    @Test
    void memcachedWithoutNodeListGetsNodesNumberedUpToNumCacheNodes() {
        CacheCluster cc = CacheCluster.builder().cacheClusterId("mc").arn("arn:mc").engine("memcached").numCacheNodes(2).build();
        assertThat(ElastiCacheTranslation.cacheCluster(cc, Map.of(), REGION, NODE_TYPES).nodes())
                .extracting(Node::id).containsExactly("0001", "0002");
    }

    @Test
    void standaloneValkeyHasOneNode0001() {
        CacheCluster cc = CacheCluster.builder().cacheClusterId("scratch").arn("arn:aws:elasticache:eu-west-1:123456789012:cluster:scratch")
                .engine("valkey").engineVersion("7.2.6").cacheNodeType("cache.t4g.small").numCacheNodes(1)
                .transitEncryptionEnabled(false)
                .cacheNodes(CacheNode.builder().cacheNodeId("0001").endpoint(ep("scratch.abc.0001.euw1.cache.amazonaws.com", 6379)).build())
                .build();

        Cluster cluster = ElastiCacheTranslation.cacheCluster(cc, Map.of("env", "dev"), REGION, NODE_TYPES);

        assertThat(cluster.engine()).isEqualTo(Engine.VALKEY);
        assertThat(cluster.clusterMode()).isFalse();
        assertThat(cluster.tls()).isFalse();
        assertThat(cluster.endpoint()).isEqualTo(new Endpoint("scratch.abc.0001.euw1.cache.amazonaws.com", 6379));
        assertThat(cluster.nodes()).singleElement().satisfies(n -> {
            assertThat(n.cacheClusterId()).isEqualTo("scratch");
            assertThat(n.id()).isEqualTo("0001");
        });
    }

    private static ServerlessCache.Builder serverless() {
        return ServerlessCache.builder().serverlessCacheName("edge").arn("arn:aws:elasticache:eu-west-1:123456789012:serverlesscache:edge")
                .engine("valkey").majorEngineVersion("8").fullEngineVersion("8.0").status("available")
                .endpoint(ep("edge-abc.serverless.euw1.cache.amazonaws.com", 6379));
    }

    @Test
    void serverlessWithBothLimits() {
        CacheUsageLimits limits = CacheUsageLimits.builder()
                .dataStorage(d -> d.maximum(10).unit(DataStorageUnit.GB))
                .ecpuPerSecond(e -> e.maximum(5000)).build();

        Cluster cluster = ElastiCacheTranslation.serverlessCache(serverless().cacheUsageLimits(limits).build(), Map.of(), REGION);

        assertThat(cluster.kind()).isEqualTo(ClusterKind.SERVERLESS);
        assertThat(cluster.id()).isEqualTo("edge");
        assertThat(cluster.engine()).isEqualTo(Engine.VALKEY);
        assertThat(cluster.engineVersion()).isEqualTo("8.0");
        assertThat(cluster.tls()).isTrue();
        assertThat(cluster.shards()).isEmpty();
        assertThat(cluster.nodeType()).isNull();
        assertThat(cluster.endpoint().host()).startsWith("edge-abc");
        assertThat(cluster.limits()).isEqualTo(new ServerlessLimits(5000L, 10L * 1024 * 1024 * 1024));
    }

    @Test
    void serverlessWithOnlyAnEcpuLimit() {
        CacheUsageLimits limits = CacheUsageLimits.builder().ecpuPerSecond(e -> e.maximum(1000)).build();
        assertThat(ElastiCacheTranslation.serverlessCache(serverless().cacheUsageLimits(limits).build(), Map.of(), REGION).limits())
                .isEqualTo(new ServerlessLimits(1000L, null));
    }

    @Test
    void serverlessWithoutLimits() {
        assertThat(ElastiCacheTranslation.serverlessCache(serverless().build(), Map.of(), REGION).limits())
                .isEqualTo(ServerlessLimits.NONE);
        // A minimum alone is no maximum.
        CacheUsageLimits minimumOnly = CacheUsageLimits.builder().dataStorage(d -> d.minimum(1).unit(DataStorageUnit.GB)).build();
        assertThat(ElastiCacheTranslation.limits(minimumOnly)).isEqualTo(ServerlessLimits.NONE);
    }

    @Test
    void rolesAndEngineDefaults() {
        assertThat(ElastiCacheTranslation.role("Primary")).isEqualTo(NodeRole.PRIMARY);
        assertThat(ElastiCacheTranslation.role("replica")).isEqualTo(NodeRole.REPLICA);
        assertThat(ElastiCacheTranslation.role(null)).isEqualTo(NodeRole.UNKNOWN);
        assertThat(Engine.fromApi(null)).isEqualTo(Engine.REDIS);
    }
}
