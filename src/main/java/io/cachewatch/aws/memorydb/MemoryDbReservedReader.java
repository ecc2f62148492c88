package io.cachewatch.aws.memorydb;

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
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.memorydb.model.Parameter;
import software.amazon.awssdk.services.memorydb.model.ReservedNode;

/**
 * MemoryDB reserved nodes (one DescribeReservedNodes walk per region) and each parameter group's maxmemory-policy (one
 * DescribeParameters walk per parameter group, default groups included).
 */
public final class MemoryDbReservedReader implements PostureReader {
    private static final Predicate<Cluster> MEMORYDB = c -> c.kind() == ClusterKind.MEMORYDB;
    private final Function<String, MemoryDbClient> clients;

    public MemoryDbReservedReader(Function<String, MemoryDbClient> clients) {
        this.clients = clients;
    }

    @Override
    public RegionInventory enrich(RegionInventory region) {
        if (region.clusters().stream().noneMatch(MEMORYDB)) {
            return region;
        }
        MemoryDbClient client = clients.apply(region.region());
        List<ReservedNode> reserved = new ArrayList<>();
        RegionInventory result;
        try {
            client.describeReservedNodesPaginator(r -> r.maxResults(100)).forEach(page -> reserved.addAll(page.reservedNodes()));
            result = FleetSettingReads.reservations(region, MEMORYDB, translate(reserved));
        } catch (RuntimeException e) {
            result = PostureReads.failed(region, MEMORYDB, "MemoryDb.DescribeReservedNodes", e, "reservedCoverage");
        }
        return FleetSettingReads.maxmemoryPolicies(result, MEMORYDB, "MemoryDb.DescribeParameters", group -> {
            List<Parameter> parameters = new ArrayList<>();
            client.describeParametersPaginator(r -> r.parameterGroupName(group).maxResults(100)).forEach(page -> parameters.addAll(page.parameters()));
            return maxmemoryPolicy(parameters);
        });
    }

    /** Pure: the active reservations (State "active"). */
    static List<Reservation> translate(List<ReservedNode> reserved) {
        return FleetSettingReads.mapNonNull(reserved, r -> {
            var end = FleetSettingReads.end(r.startTime(), r.duration());
            if (!"active".equals(r.state()) || end == null || r.nodeType() == null || r.nodeCount() == null) {
                return null;
            }
            return new Reservation(r.reservationId(), r.nodeType(), r.nodeCount(), r.startTime(), end);
        });
    }

    /** Pure: the value of maxmemory-policy among a group's parameters, or null. */
    static String maxmemoryPolicy(List<Parameter> parameters) {
        return parameters.stream().filter(p -> "maxmemory-policy".equals(p.name())).map(Parameter::value).findFirst().orElse(null);
    }
}
