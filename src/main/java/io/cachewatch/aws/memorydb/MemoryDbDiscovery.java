package io.cachewatch.aws.memorydb;

import io.cachewatch.aws.RegionScan;
import io.cachewatch.aws.tagging.ClusterTags;
import io.cachewatch.aws.tagging.TaggingApi;
import io.cachewatch.inventory.ClusterDiscovery;
import io.cachewatch.inventory.NodeTypes;
import io.cachewatch.inventory.RegionInventory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.memorydb.model.Cluster;
import software.amazon.awssdk.services.memorydb.model.Tag;

/**
 * Discovers MemoryDB clusters with their shards and nodes in a region. Never throws for AWS failures: each failed call
 * becomes a {@code DiscoveryError} in the returned inventory. The clients come from the caller, who also closes them.
 */
public final class MemoryDbDiscovery implements ClusterDiscovery {
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** MemoryDB cluster ARNs read {@code arn:aws:memorydb:region:account:cluster/name}: GetResources' type string. */
    static final List<String> RESOURCE_TYPES = List.of("memorydb:cluster");

    private final Function<String, MemoryDbClient> clients;
    private final NodeTypes nodeTypes;
    private final int pageSize;
    private final TaggingApi tagging;

    public MemoryDbDiscovery(Function<String, MemoryDbClient> clients, NodeTypes nodeTypes) {
        this(clients, nodeTypes, DEFAULT_PAGE_SIZE);
    }

    public MemoryDbDiscovery(Function<String, MemoryDbClient> clients, NodeTypes nodeTypes, int pageSize) {
        this(clients, nodeTypes, pageSize, null);
    }

    private MemoryDbDiscovery(Function<String, MemoryDbClient> clients, NodeTypes nodeTypes, int pageSize, TaggingApi tagging) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, got " + pageSize);
        }
        this.clients = clients;
        this.nodeTypes = nodeTypes;
        this.pageSize = pageSize;
        this.tagging = tagging;
    }

    /** The same discovery reading tags from one GetResources listing per region where it can ({@link ClusterTags}). */
    public MemoryDbDiscovery withTagging(TaggingApi tagging) {
        return new MemoryDbDiscovery(clients, nodeTypes, pageSize, tagging);
    }

    @Override
    public RegionInventory discover(String region) {
        RegionScan scan = new RegionScan(region);
        scan.call("client", region, () -> clients.apply(region)).ifPresent(client -> {
            ClusterTags clusterTags = tagging == null ? ClusterTags.perCluster(region) : tagging.forPass(region, RESOURCE_TYPES);
            List<Cluster> clusters = scan.list("DescribeClusters", () -> client.describeClustersPaginator(
                    r -> r.showShardDetails(true).maxResults(pageSize)).clusters());
            for (Cluster cluster : clusters) {
                scan.addTagged("ListTags", cluster.arn(), arn -> clusterTags.read(arn, cluster.status(), a -> tags(client, a)),
                        found -> MemoryDbTranslation.cluster(cluster, found, region, nodeTypes)
                                .withPosture(MemoryDbPosture.cluster(cluster)));
            }
        });
        return scan.inventory();
    }

    /** One call for one cluster (ListTags is not paginated): where the GetResources listing cannot tell. */
    private static Map<String, String> tags(MemoryDbClient client, String arn) {
        return client.listTags(r -> r.resourceArn(arn)).tagList().stream()
                .collect(Collectors.toMap(Tag::key, t -> t.value() == null ? "" : t.value(), (a, b) -> b, LinkedHashMap::new));
    }
}
