package io.cachewatch.aws.memorydb;

import io.cachewatch.aws.RegionScan;
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

    private final Function<String, MemoryDbClient> clients;
    private final NodeTypes nodeTypes;
    private final int pageSize;

    public MemoryDbDiscovery(Function<String, MemoryDbClient> clients, NodeTypes nodeTypes) {
        this(clients, nodeTypes, DEFAULT_PAGE_SIZE);
    }

    public MemoryDbDiscovery(Function<String, MemoryDbClient> clients, NodeTypes nodeTypes, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, got " + pageSize);
        }
        this.clients = clients;
        this.nodeTypes = nodeTypes;
        this.pageSize = pageSize;
    }

    @Override
    public RegionInventory discover(String region) {
        RegionScan scan = new RegionScan(region);
        scan.call("client", region, () -> clients.apply(region)).ifPresent(client -> {
            List<Cluster> clusters = scan.list("DescribeClusters", () -> client.describeClustersPaginator(
                    r -> r.showShardDetails(true).maxResults(pageSize)).clusters());
            for (Cluster cluster : clusters) {
                scan.addTagged("ListTags", cluster.arn(), arn -> tags(client, arn),
                        tags -> MemoryDbTranslation.cluster(cluster, tags, region, nodeTypes)
                                .withPosture(MemoryDbPosture.cluster(cluster)));
            }
        });
        return scan.inventory();
    }

    /** One call per cluster; ListTags is not paginated. */
    private static Map<String, String> tags(MemoryDbClient client, String arn) {
        return client.listTags(r -> r.resourceArn(arn)).tagList().stream()
                .collect(Collectors.toMap(Tag::key, t -> t.value() == null ? "" : t.value(), (a, b) -> b, LinkedHashMap::new));
    }
}
