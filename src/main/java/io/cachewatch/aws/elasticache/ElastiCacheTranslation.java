package io.cachewatch.aws.elasticache;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Endpoint;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.NodeTypes;
import io.cachewatch.inventory.ServerlessLimits;
import io.cachewatch.inventory.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.CacheNode;
import software.amazon.awssdk.services.elasticache.model.CacheUsageLimits;
import software.amazon.awssdk.services.elasticache.model.ClusterMode;
import software.amazon.awssdk.services.elasticache.model.DataStorage;
import software.amazon.awssdk.services.elasticache.model.DataStorageUnit;
import software.amazon.awssdk.services.elasticache.model.NodeGroup;
import software.amazon.awssdk.services.elasticache.model.NodeGroupMember;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.ServerlessCache;

/**
 * Pure translation of ElastiCache API shapes into the inventory model. Node identity is what CloudWatch publishes:
 * the member (or standalone) cache cluster id plus the cache node id.
 */
public final class ElastiCacheTranslation {
    private static final Logger LOG = Logger.getLogger(ElastiCacheTranslation.class);

    /** A Redis OSS / Valkey cache cluster has exactly one node, and its id is always 0001 (AWS docs). */
    static final String SINGLE_NODE_ID = "0001";
    /** Standalone clusters are modelled as one shard. */
    static final String STANDALONE_SHARD_ID = "0001";

    /**
     * Serverless {@code DataStorage} "GB" is a binary gigabyte (GiB): AWS bills serverless data storage in
     * "GiB-hours" (https://aws.amazon.com/elasticache/pricing/) and the AWS CDK construct for serverless caches sets
     * the limit from {@code Size.gibibytes(n)} (aws-cdk-lib aws_elasticache_alpha CacheUsageLimitsProperty). The API
     * reference names the unit only "GB" without saying which.
     */
    static final long BYTES_PER_SERVERLESS_GB = 1L << 30;

    private ElastiCacheTranslation() {
    }

    /**
     * A replication group with its node groups as shards.
     *
     * @param memberClusters cache clusters from DescribeCacheClusters by id; used for engine version, node ids and
     *                       endpoints when present (moto lists none of them; AWS does)
     */
    public static Cluster replicationGroup(ReplicationGroup rg, Map<String, CacheCluster> memberClusters,
                                           Map<String, String> tags, String region, NodeTypes nodeTypes) {
        Optional<CacheCluster> anyMember = rg.memberClusters().stream().map(memberClusters::get)
                .filter(java.util.Objects::nonNull).findFirst();
        Engine engine = Engine.fromApi(rg.engine() != null ? rg.engine() : anyMember.map(CacheCluster::engine).orElse(null));
        String nodeType = rg.cacheNodeType() != null ? rg.cacheNodeType()
                : anyMember.map(CacheCluster::cacheNodeType).orElse(null);
        List<Shard> shards = new ArrayList<>();
        for (NodeGroup group : rg.nodeGroups()) {
            List<Node> nodes = group.nodeGroupMembers().stream()
                    .map(member -> member(member, memberClusters.get(member.cacheClusterId())))
                    .toList();
            shards.add(new Shard(group.nodeGroupId(), nodes));
        }
        if (shards.isEmpty() && rg.hasMemberClusters()) {
            // A group still being created may list member clusters before node groups: one node each (id 0001).
            shards.add(new Shard(STANDALONE_SHARD_ID, rg.memberClusters().stream()
                    .map(id -> new Node(id, SINGLE_NODE_ID, NodeRole.UNKNOWN, null, null)).toList()));
        }
        boolean clusterMode = Boolean.TRUE.equals(rg.clusterEnabled()) || rg.clusterMode() == ClusterMode.ENABLED;
        Endpoint endpoint = ep(rg.configurationEndpoint());
        if (endpoint == null && rg.hasNodeGroups() && !rg.nodeGroups().isEmpty()) {
            endpoint = ep(rg.nodeGroups().get(0).primaryEndpoint());
        }
        return new Cluster(ClusterKind.ELASTICACHE, region, rg.replicationGroupId(), rg.arn(), engine,
                anyMember.map(CacheCluster::engineVersion).orElse(null), nodeType,
                nodeTypes.vcpusOf(nodeType), nodeTypes.memoryBytesOf(nodeType),
                Boolean.TRUE.equals(rg.transitEncryptionEnabled()), rg.status(), clusterMode, tags, shards, null, endpoint);
    }

    private static Node member(NodeGroupMember member, CacheCluster described) {
        Optional<CacheNode> cacheNode = described == null || !described.hasCacheNodes() || described.cacheNodes().isEmpty()
                ? Optional.empty() : Optional.of(described.cacheNodes().get(0));
        // A Redis OSS / Valkey member cluster has exactly one node, 0001, and CloudWatch publishes it under that id.
        // NodeGroupMember.CacheNodeId says 0001 on AWS, but moto answers with the node group id (0002 for the second
        // shard), so the member's own node listing wins, then the documented 0001; the member field is only checked.
        String nodeId = cacheNode.map(CacheNode::cacheNodeId).orElse(SINGLE_NODE_ID);
        if (member.cacheNodeId() != null && !member.cacheNodeId().equals(nodeId)) {
            LOG.debugf("%s: NodeGroupMember.CacheNodeId %s ignored; a member cluster's node is %s",
                    member.cacheClusterId(), member.cacheNodeId(), nodeId);
        }
        Endpoint endpoint = member.readEndpoint() != null ? ep(member.readEndpoint())
                : cacheNode.map(n -> ep(n.endpoint())).orElse(null);
        String zone = member.preferredAvailabilityZone() != null ? member.preferredAvailabilityZone()
                : cacheNode.map(CacheNode::customerAvailabilityZone).orElse(null);
        return new Node(member.cacheClusterId(), nodeId, role(member.currentRole()), endpoint, zone);
    }

    /**
     * A standalone cache cluster (no replication group): Redis OSS / Valkey with one node, or Memcached with its
     * nodes, all in one shard. When {@code CacheNodes} is missing (moto never returns it) node ids are derived from
     * what AWS documents: Redis/Valkey clusters have the single node 0001, Memcached nodes are numbered 0001 to
     * NumCacheNodes.
     */
    public static Cluster cacheCluster(CacheCluster cc, Map<String, String> tags, String region, NodeTypes nodeTypes) {
        Engine engine = Engine.fromApi(cc.engine());
        List<Node> nodes;
        if (cc.hasCacheNodes() && !cc.cacheNodes().isEmpty()) {
            nodes = cc.cacheNodes().stream()
                    .map(n -> new Node(cc.cacheClusterId(), n.cacheNodeId(), NodeRole.UNKNOWN, ep(n.endpoint()),
                            n.customerAvailabilityZone()))
                    .toList();
        } else {
            int count = engine == Engine.MEMCACHED && cc.numCacheNodes() != null ? Math.max(1, cc.numCacheNodes()) : 1;
            LOG.warnf("%s %s: DescribeCacheClusters returned no node list; assuming nodes 0001..%04d",
                    region, cc.cacheClusterId(), count);
            nodes = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                nodes.add(new Node(cc.cacheClusterId(), String.format(Locale.ROOT, "%04d", i), NodeRole.UNKNOWN, null,
                        cc.preferredAvailabilityZone()));
            }
        }
        Endpoint endpoint = ep(cc.configurationEndpoint());
        if (endpoint == null && engine != Engine.MEMCACHED && nodes.size() == 1) {
            endpoint = nodes.get(0).endpoint();
        }
        return new Cluster(ClusterKind.ELASTICACHE, region, cc.cacheClusterId(), cc.arn(), engine, cc.engineVersion(),
                cc.cacheNodeType(), nodeTypes.vcpusOf(cc.cacheNodeType()), nodeTypes.memoryBytesOf(cc.cacheNodeType()), Boolean.TRUE.equals(cc.transitEncryptionEnabled()),
                cc.cacheClusterStatus(), false, tags, List.of(new Shard(STANDALONE_SHARD_ID, nodes)), null, endpoint, true);
    }

    /** A serverless cache: no nodes, TLS always on (serverless caches accept only TLS connections). */
    public static Cluster serverlessCache(ServerlessCache cache, Map<String, String> tags, String region) {
        String version = cache.fullEngineVersion() != null ? cache.fullEngineVersion() : cache.majorEngineVersion();
        return new Cluster(ClusterKind.SERVERLESS, region, cache.serverlessCacheName(), cache.arn(), Engine.fromApi(cache.engine()),
                version, null, null, null, true, cache.status(), false, tags, List.of(), limits(cache.cacheUsageLimits()),
                ep(cache.endpoint()));
    }

    /** Configured maxima; a limit that is not configured stays null. */
    public static ServerlessLimits limits(CacheUsageLimits limits) {
        if (limits == null) {
            return ServerlessLimits.NONE;
        }
        Long ecpu = limits.ecpuPerSecond() == null || limits.ecpuPerSecond().maximum() == null ? null
                : limits.ecpuPerSecond().maximum().longValue();
        return new ServerlessLimits(ecpu, storageBytes(limits.dataStorage()));
    }

    private static Long storageBytes(DataStorage storage) {
        if (storage == null || storage.maximum() == null) {
            return null;
        }
        if (storage.unit() != null && storage.unit() != DataStorageUnit.GB) {
            // GB is the only unit the API defines today; a new one must not be silently misread.
            LOG.warnf("unknown serverless data storage unit '%s'; limit ignored", storage.unitAsString());
            return null;
        }
        return storage.maximum().longValue() * BYTES_PER_SERVERLESS_GB;
    }


    static NodeRole role(String currentRole) {
        if (currentRole == null) {
            return NodeRole.UNKNOWN;
        }
        return switch (currentRole.toLowerCase(Locale.ROOT)) {
            case "primary" -> NodeRole.PRIMARY;
            case "replica" -> NodeRole.REPLICA;
            default -> NodeRole.UNKNOWN;
        };
    }

    private static Endpoint ep(software.amazon.awssdk.services.elasticache.model.Endpoint endpoint) {
        return endpoint == null ? null : Endpoint.of(endpoint.address(), endpoint.port());
    }
}
