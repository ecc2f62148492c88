package io.cachewatch.aws.elasticache;

import io.cachewatch.aws.RegionScan;
import io.cachewatch.aws.tagging.ClusterTags;
import io.cachewatch.aws.tagging.TaggingApi;
import io.cachewatch.inventory.ClusterDiscovery;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.NodeTypes;
import io.cachewatch.inventory.RegionInventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.ServerlessCache;
import software.amazon.awssdk.services.elasticache.model.Tag;

/**
 * Discovers ElastiCache replication groups, standalone cache clusters and (when enabled) serverless caches in a region.
 * Never throws for AWS failures: each failed call becomes a {@code DiscoveryError} in the returned inventory.
 * The clients come from the caller, who also closes them.
 */
public final class ElastiCacheDiscovery implements ClusterDiscovery {
    /** The largest page the Describe* calls allow (MaxRecords 20..100). */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** DescribeServerlessCaches documents 50 as its default page and no larger maximum, so pages stay at most 50. */
    static final int SERVERLESS_MAX_PAGE_SIZE = 50;

    private final Function<String, ElastiCacheClient> clients;
    private final NodeTypes nodeTypes;
    private final Set<ClusterKind> kinds;
    private final int pageSize;
    private final TaggingApi tagging;

    /**
     * @param clients region → client
     * @param kinds   {@link ClusterKind#ELASTICACHE} for node-based clusters, {@link ClusterKind#SERVERLESS} for
     *                serverless caches (turn it off where DescribeServerlessCaches is not available)
     */
    public ElastiCacheDiscovery(Function<String, ElastiCacheClient> clients, NodeTypes nodeTypes, Set<ClusterKind> kinds) {
        this(clients, nodeTypes, kinds, DEFAULT_PAGE_SIZE);
    }

    /**
     * @param pageSize MaxRecords of the Describe* calls; AWS accepts 20..100 (smaller pages are for tests against moto,
     *                 which accepts any size)
     */
    public ElastiCacheDiscovery(Function<String, ElastiCacheClient> clients, NodeTypes nodeTypes, Set<ClusterKind> kinds,
                                int pageSize) {
        this(clients, nodeTypes, kinds, pageSize, null);
    }

    private ElastiCacheDiscovery(Function<String, ElastiCacheClient> clients, NodeTypes nodeTypes, Set<ClusterKind> kinds,
                                 int pageSize, TaggingApi tagging) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, got " + pageSize);
        }
        this.clients = clients;
        this.nodeTypes = nodeTypes;
        this.kinds = Set.copyOf(kinds);
        this.pageSize = pageSize;
        this.tagging = tagging;
    }

    /** The same discovery reading tags from one GetResources listing per region where it can ({@link ClusterTags}). */
    public ElastiCacheDiscovery withTagging(TaggingApi tagging) {
        return new ElastiCacheDiscovery(clients, nodeTypes, kinds, pageSize, tagging);
    }

    /** The ResourceTypeFilters of the clusters discovered: the type strings of their ARNs. */
    List<String> resourceTypes() {
        List<String> types = new ArrayList<>();
        if (kinds.contains(ClusterKind.ELASTICACHE)) {
            types.add("elasticache:replicationgroup");
            types.add("elasticache:cluster");
        }
        if (kinds.contains(ClusterKind.SERVERLESS)) {
            types.add("elasticache:serverlesscache");
        }
        return types;
    }

    @Override
    public RegionInventory discover(String region) {
        RegionScan scan = new RegionScan(region);
        var client = scan.call("client", region, () -> clients.apply(region));
        if (client.isPresent()) {
            ClusterTags clusterTags = tagging == null ? ClusterTags.perCluster(region) : tagging.forPass(region, resourceTypes());
            if (kinds.contains(ClusterKind.ELASTICACHE)) {
                nodeBased(client.get(), region, scan, clusterTags);
            }
            if (kinds.contains(ClusterKind.SERVERLESS)) {
                serverless(client.get(), region, scan, clusterTags);
            }
        }
        return scan.inventory();
    }

    private void nodeBased(ElastiCacheClient client, String region, RegionScan scan, ClusterTags clusterTags) {
        // ShowCacheNodeInfo gives node ids and endpoints; on AWS this listing also holds replication-group members.
        List<CacheCluster> cacheClusters = scan.list("DescribeCacheClusters", () -> client.describeCacheClustersPaginator(
                r -> r.showCacheNodeInfo(true).maxRecords(pageSize)).cacheClusters());
        List<ReplicationGroup> groups = scan.list("DescribeReplicationGroups", () -> client.describeReplicationGroupsPaginator(
                r -> r.maxRecords(pageSize)).replicationGroups());
        Map<String, CacheCluster> byId = cacheClusters.stream()
                .collect(Collectors.toMap(CacheCluster::cacheClusterId, c -> c, (a, b) -> a, LinkedHashMap::new));
        for (ReplicationGroup group : groups) {
            scan.addTagged("ListTagsForResource", group.arn(),
                    arn -> clusterTags.read(arn, group.status(), a -> tags(client, a)),
                    found -> ElastiCacheTranslation.replicationGroup(group, byId, found, region, nodeTypes)
                            .withPosture(ElastiCachePosture.replicationGroup(group, byId)));
        }
        for (CacheCluster cluster : cacheClusters) {
            if (cluster.replicationGroupId() == null) {
                scan.addTagged("ListTagsForResource", cluster.arn(),
                        arn -> clusterTags.read(arn, cluster.cacheClusterStatus(), a -> tags(client, a)),
                        found -> ElastiCacheTranslation.cacheCluster(cluster, found, region, nodeTypes)
                                .withPosture(ElastiCachePosture.cacheCluster(cluster)));
            }
        }
    }

    private void serverless(ElastiCacheClient client, String region, RegionScan scan, ClusterTags clusterTags) {
        List<ServerlessCache> caches = scan.list("DescribeServerlessCaches", () -> client.describeServerlessCachesPaginator(
                r -> r.maxResults(Math.min(pageSize, SERVERLESS_MAX_PAGE_SIZE))).serverlessCaches());
        for (ServerlessCache cache : caches) {
            scan.addTagged("ListTagsForResource", cache.arn(),
                    arn -> clusterTags.read(arn, cache.status(), a -> tags(client, a)),
                    found -> ElastiCacheTranslation.serverlessCache(cache, found, region)
                            .withPosture(ElastiCachePosture.serverlessCache(cache)));
        }
    }

    /** One call for one cluster (ListTagsForResource is not paginated): where the GetResources listing cannot tell. */
    private static Map<String, String> tags(ElastiCacheClient client, String arn) {
        return client.listTagsForResource(r -> r.resourceName(arn)).tagList().stream()
                .collect(Collectors.toMap(Tag::key, t -> t.value() == null ? "" : t.value(), (a, b) -> b, LinkedHashMap::new));
    }
}
