package io.cachewatch.aws.elasticache;

import io.cachewatch.aws.PostureReads;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.PostureReader;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.posture.ServiceUpdate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.UpdateAction;
import software.amazon.awssdk.services.elasticache.model.UpdateActionStatus;

/**
 * Reads the service updates not yet applied to the region's node-based ElastiCache clusters: one DescribeUpdateActions
 * walk per region (pages of 100) for every update action not complete. Serverless caches get updates applied by the
 * service and are not read.
 */
public final class ElastiCacheUpdateReader implements PostureReader {
    /** Every UpdateActionStatus except complete and not-applicable (API reference, UpdateAction). */
    static final List<UpdateActionStatus> OPEN = List.of(UpdateActionStatus.NOT_APPLIED, UpdateActionStatus.WAITING_TO_START,
            UpdateActionStatus.IN_PROGRESS, UpdateActionStatus.STOPPING, UpdateActionStatus.STOPPED, UpdateActionStatus.SCHEDULING,
            UpdateActionStatus.SCHEDULED);

    private final Function<String, ElastiCacheClient> clients;

    public ElastiCacheUpdateReader(Function<String, ElastiCacheClient> clients) {
        this.clients = clients;
    }

    @Override
    public RegionInventory enrich(RegionInventory region) {
        Predicate<Cluster> nodeBased = c -> c.kind() == ClusterKind.ELASTICACHE;
        if (region.clusters().stream().noneMatch(nodeBased)) {
            return region;
        }
        List<UpdateAction> actions = new ArrayList<>();
        try {
            clients.apply(region.region()).describeUpdateActionsPaginator(r -> r.updateActionStatus(OPEN).maxRecords(100))
                    .updateActions().forEach(actions::add);
        } catch (RuntimeException e) {
            return PostureReads.failed(region, nodeBased, "ElastiCache.DescribeUpdateActions", e, "updates");
        }
        Map<String, List<ServiceUpdate>> byCluster = translate(actions);
        return PostureReads.update(region, nodeBased,
                (c, p) -> p.updates(byCluster.getOrDefault(c.id(), List.of())), List.of());
    }

    /** Pure: update actions by the replication group id, else the cache cluster id, they apply to. */
    static Map<String, List<ServiceUpdate>> translate(List<UpdateAction> actions) {
        Map<String, List<ServiceUpdate>> byCluster = new HashMap<>();
        for (UpdateAction a : actions) {
            String cluster = a.replicationGroupId() != null ? a.replicationGroupId() : a.cacheClusterId();
            if (cluster == null) {
                continue;
            }
            byCluster.computeIfAbsent(cluster, k -> new ArrayList<>()).add(new ServiceUpdate(a.serviceUpdateName(),
                    a.serviceUpdateTypeAsString(), a.serviceUpdateSeverityAsString(), date(a.serviceUpdateRecommendedApplyByDate()),
                    a.updateActionStatusAsString(), a.slaMetAsString()));
        }
        return byCluster;
    }

    static String date(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
