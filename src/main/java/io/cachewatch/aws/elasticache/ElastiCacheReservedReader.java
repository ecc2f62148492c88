package io.cachewatch.aws.elasticache;

import io.cachewatch.aws.FleetSettingReads;
import io.cachewatch.aws.PostureReads;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.PostureReader;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.posture.Reservation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.Parameter;
import software.amazon.awssdk.services.elasticache.model.ReservedCacheNode;

/**
 * The settings of ElastiCache node-based clusters that live outside the cluster: reserved nodes (one
 * DescribeReservedCacheNodes walk per region) and each parameter group's maxmemory-policy (one DescribeCacheParameters
 * walk per parameter group, default groups included: their values come from the API, never from a table here).
 * Serverless caches have neither.
 */
public final class ElastiCacheReservedReader implements PostureReader {
    static final String MAXMEMORY_POLICY = "maxmemory-policy";
    private static final Predicate<Cluster> NODE_BASED = c -> c.kind() == ClusterKind.ELASTICACHE;
    private final Function<String, ElastiCacheClient> clients;

    public ElastiCacheReservedReader(Function<String, ElastiCacheClient> clients) {
        this.clients = clients;
    }

    @Override
    public RegionInventory enrich(RegionInventory region) {
        if (region.clusters().stream().noneMatch(NODE_BASED)) {
            return region;
        }
        ElastiCacheClient client = clients.apply(region.region());
        List<ReservedCacheNode> reserved = new ArrayList<>();
        RegionInventory result;
        try {
            client.describeReservedCacheNodesPaginator(r -> r.maxRecords(100)).forEach(page -> reserved.addAll(page.reservedCacheNodes()));
            result = FleetSettingReads.reservations(region, NODE_BASED, translate(reserved));
        } catch (RuntimeException e) {
            result = PostureReads.failed(region, NODE_BASED, "ElastiCache.DescribeReservedCacheNodes", e, "reservedCoverage");
        }
        // Memcached has no maxmemory-policy
        Predicate<Cluster> withPolicy = NODE_BASED.and(c -> c.engine() != io.cachewatch.inventory.Engine.MEMCACHED);
        return FleetSettingReads.maxmemoryPolicies(result, withPolicy, "ElastiCache.DescribeCacheParameters", group -> {
            List<Parameter> parameters = new ArrayList<>();
            client.describeCacheParametersPaginator(r -> r.cacheParameterGroupName(group).maxRecords(100))
                    .forEach(page -> parameters.addAll(page.parameters()));
            return maxmemoryPolicy(parameters);
        });
    }

    /** Pure: the active reservations (State "active"; payment-pending and retired ones cover nothing). */
    static List<Reservation> translate(List<ReservedCacheNode> reserved) {
        return FleetSettingReads.mapNonNull(reserved, r -> {
            var end = FleetSettingReads.end(r.startTime(), r.duration());
            if (!"active".equals(r.state()) || end == null || r.cacheNodeType() == null || r.cacheNodeCount() == null) {
                return null;
            }
            return new Reservation(r.reservedCacheNodeId(), r.cacheNodeType(), r.cacheNodeCount(), r.startTime(), end);
        });
    }

    /** Pure: the value of maxmemory-policy among a group's parameters, or null. */
    static String maxmemoryPolicy(List<Parameter> parameters) {
        return parameters.stream().filter(p -> MAXMEMORY_POLICY.equals(p.parameterName())).map(Parameter::parameterValue).findFirst().orElse(null);
    }
}
