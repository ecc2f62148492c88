package io.cachewatch.aws.memorydb;

import io.cachewatch.aws.PostureReads;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.PostureReader;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.posture.ServiceUpdate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.memorydb.model.ServiceUpdateStatus;

/**
 * Reads the MemoryDB service updates not yet applied: one DescribeServiceUpdates walk per region for status available,
 * in-progress and scheduled. MemoryDB service updates carry no severity and no recommended apply-by date, only the
 * date from which they are applied automatically (API reference, ServiceUpdate).
 */
public final class MemoryDbUpdateReader implements PostureReader {
    private final Function<String, MemoryDbClient> clients;

    public MemoryDbUpdateReader(Function<String, MemoryDbClient> clients) {
        this.clients = clients;
    }

    @Override
    public RegionInventory enrich(RegionInventory region) {
        Predicate<Cluster> memoryDb = c -> c.kind() == ClusterKind.MEMORYDB;
        if (region.clusters().stream().noneMatch(memoryDb)) {
            return region;
        }
        List<software.amazon.awssdk.services.memorydb.model.ServiceUpdate> updates = new ArrayList<>();
        try {
            clients.apply(region.region()).describeServiceUpdatesPaginator(r -> r.status(ServiceUpdateStatus.AVAILABLE,
                    ServiceUpdateStatus.IN_PROGRESS, ServiceUpdateStatus.SCHEDULED).maxResults(100)).forEach(page -> updates.addAll(page.serviceUpdates()));
        } catch (RuntimeException e) {
            return PostureReads.failed(region, memoryDb, "MemoryDb.DescribeServiceUpdates", e, "updates");
        }
        Map<String, List<ServiceUpdate>> byCluster = translate(updates);
        return PostureReads.update(region, memoryDb, (c, p) -> p.updates(byCluster.getOrDefault(c.id(), List.of())), List.of());
    }

    /** Pure: updates by cluster name; the auto-update start date stands in for the apply-by date. */
    static Map<String, List<ServiceUpdate>> translate(List<software.amazon.awssdk.services.memorydb.model.ServiceUpdate> updates) {
        Map<String, List<ServiceUpdate>> byCluster = new HashMap<>();
        for (var u : updates) {
            if (u.clusterName() == null) {
                continue;
            }
            String applyBy = u.autoUpdateStartDate() == null ? null : u.autoUpdateStartDate().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            byCluster.computeIfAbsent(u.clusterName(), k -> new ArrayList<>()).add(new ServiceUpdate(u.serviceUpdateName(),
                    u.typeAsString(), null, applyBy, u.statusAsString(), null));
        }
        return byCluster;
    }
}
