package io.cachewatch.report;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.Node;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.inventory.Shard;
import java.util.Locale;

/** The inventory as an indented tree: region, cluster, shard, node. */
public final class InventoryText {
    private InventoryText() {
    }

    public static String render(Fleet fleet) {
        StringBuilder out = new StringBuilder();
        for (RegionInventory region : fleet.regions()) {
            out.append("Region ").append(region.region()).append(": ").append(region.clusters().size()).append(" clusters, ")
                    .append(region.clusters().stream().mapToInt(c -> c.nodes().size()).sum()).append(" nodes")
                    .append(region.complete() ? "" : " (INCOMPLETE: " + region.errors().size() + " discovery errors)").append('\n');
            for (Cluster c : region.clusters()) {
                out.append("  ").append(c.ref().kind()).append(' ').append(c.id()).append("  ").append(details(c)).append('\n');
                for (Shard shard : c.shards()) {
                    out.append("    shard ").append(shard.id()).append(c.hasReplicas(shard) ? " (replicated)" : "").append('\n');
                    for (Node n : shard.nodes()) {
                        out.append("      ").append(n.cacheClusterId().equals(n.id()) ? n.id() : n.cacheClusterId() + "/" + n.id())
                                .append(' ').append(n.role().id())
                                .append(n.endpoint() == null ? "" : " " + n.endpoint())
                                .append(n.availabilityZone() == null ? "" : " " + n.availabilityZone()).append('\n');
                    }
                }
            }
            region.errors().forEach(e -> out.append("  ERROR ").append(e.operation()).append(": ").append(e.message()).append('\n'));
        }
        return out.toString();
    }

    private static String details(Cluster c) {
        StringBuilder b = new StringBuilder(c.engine().id());
        if (c.engineVersion() != null) {
            b.append(' ').append(c.engineVersion());
        }
        if (c.nodeType() != null) {
            b.append(", ").append(c.nodeType());
            if (c.vcpus() != null) {
                b.append(' ').append(c.vcpus()).append(" vCPU");
            }
            if (c.memoryBytes() != null) {
                b.append(' ').append(String.format(Locale.ROOT, "%.2f GiB", c.memoryBytes() / (double) (1L << 30)));
            }
        }
        if (c.limits() != null && (c.limits().ecpuPerSecondMax() != null || c.limits().dataStorageMaxBytes() != null)) {
            b.append(", limits");
            if (c.limits().ecpuPerSecondMax() != null) {
                b.append(" ecpu/s ").append(c.limits().ecpuPerSecondMax());
            }
            if (c.limits().dataStorageMaxBytes() != null) {
                b.append(" storage ").append(c.limits().dataStorageMaxBytes()).append(" B");
            }
        }
        b.append(c.tls() ? ", TLS" : ", no TLS");
        if (c.clusterMode()) {
            b.append(", cluster mode");
        }
        b.append(", ").append(c.status());
        if (!c.tags().isEmpty()) {
            b.append(", tags ").append(c.tags());
        }
        return b.toString();
    }
}
