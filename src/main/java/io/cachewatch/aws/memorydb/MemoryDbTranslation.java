package io.cachewatch.aws.memorydb;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Endpoint;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.NodeTypes;
import io.cachewatch.inventory.Shard;
import java.util.List;
import java.util.Map;

/**
 * Pure translation of MemoryDB API shapes into the inventory model. CloudWatch publishes MemoryDB node metrics under
 * {@code ClusterName} + {@code NodeName}, so a node's cache cluster id is the cluster name and its id the node name.
 */
public final class MemoryDbTranslation {
    private MemoryDbTranslation() {
    }

    /** A cluster described with {@code ShowShardDetails=true}; node roles are UNKNOWN (the API does not report them). */
    public static Cluster cluster(software.amazon.awssdk.services.memorydb.model.Cluster cluster, Map<String, String> tags,
                                  String region, NodeTypes nodeTypes) {
        List<Shard> shards = cluster.shards().stream()
                .map(shard -> new Shard(shard.name(), shard.nodes().stream()
                        .map(node -> new Node(cluster.name(), node.name(), NodeRole.UNKNOWN, ep(node.endpoint()),
                                node.availabilityZone()))
                        .toList()))
                .toList();
        // MemoryDB clusters always run in cluster mode (clients connect through the cluster endpoint).
        return new Cluster(ClusterKind.MEMORYDB, region, cluster.name(), cluster.arn(), Engine.fromApi(cluster.engine()),
                cluster.engineVersion(), cluster.nodeType(), nodeTypes.vcpusOf(cluster.nodeType()),
                nodeTypes.memoryBytesOf(cluster.nodeType()), Boolean.TRUE.equals(cluster.tlsEnabled()), cluster.status(),
                true, tags, shards, null, ep(cluster.clusterEndpoint()));
    }

    private static Endpoint ep(software.amazon.awssdk.services.memorydb.model.Endpoint endpoint) {
        return endpoint == null ? null : Endpoint.of(endpoint.address(), endpoint.port());
    }
}
