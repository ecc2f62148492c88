package io.cachewatch.usage;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which CloudWatch metrics carry each {@link Figure} for a kind and engine. A figure a kind does not publish is absent,
 * so no check ever judges a metric that does not exist. Sources: ElastiCache "Metrics for Valkey and Redis OSS"
 * (CacheMetrics.Redis: EngineCPUUtilization, DatabaseMemoryUsagePercentage, GetTypeCmds, SetTypeCmds, CurrItems,
 * CurrVolatileItems, Evictions, CurrConnections, NewConnections, NetworkBytesIn, IsPrimary), "Metrics for Memcached"
 * (CacheMetrics.Memcached: CPUUtilization — multi-threaded, so host CPU —, BytesUsedForCacheItems, CmdGet, CmdSet; no
 * DatabaseMemoryUsagePercentage, no CurrVolatileItems), "Metrics and events for serverless caches"
 * (ElastiCacheProcessingUnits, CurrConnections, NewConnections, CurrItems, CurrVolatileItems; no CPU or memory
 * percentage, no nodes), MemoryDB "Metrics for MemoryDB" (as Redis OSS, under AWS/MemoryDB); summarised in
 * /work/shared/reference/aws-monitoring-facts.md and next-capabilities.md §4.
 */
public final class UsageMetrics {
    private UsageMetrics() {
    }

    /** Figure → the metrics whose values add up to it, for the cluster's kind and engine. */
    public static Map<Figure, List<String>> of(Cluster cluster) {
        Map<Figure, List<String>> m = new EnumMap<>(Figure.class);
        if (cluster.kind() == ClusterKind.SERVERLESS) {
            m.put(Figure.COMMANDS, List.of("ElastiCacheProcessingUnits"));
            m.put(Figure.CONNECTIONS_MAX, List.of("CurrConnections"));
            m.put(Figure.CONNECTIONS_AVERAGE, List.of("CurrConnections"));
            m.put(Figure.NEW_CONNECTIONS, List.of("NewConnections"));
            if (cluster.engine() != Engine.MEMCACHED) {
                m.put(Figure.ITEMS, List.of("CurrItems"));
                m.put(Figure.VOLATILE_ITEMS, List.of("CurrVolatileItems"));
            }
            return m;
        }
        m.put(Figure.CONNECTIONS_MAX, List.of("CurrConnections"));
        m.put(Figure.CONNECTIONS_AVERAGE, List.of("CurrConnections"));
        m.put(Figure.NEW_CONNECTIONS, List.of("NewConnections"));
        m.put(Figure.EVICTIONS, List.of("Evictions"));
        m.put(Figure.NETWORK_IN, List.of("NetworkBytesIn"));
        if (cluster.engine() == Engine.MEMCACHED) {
            m.put(Figure.CPU_HOURLY, List.of("CPUUtilization"));
            m.put(Figure.MEMORY_BYTES, List.of("BytesUsedForCacheItems"));
            m.put(Figure.COMMANDS, List.of("CmdGet", "CmdSet"));
            return m;
        }
        m.put(Figure.CPU_HOURLY, List.of("EngineCPUUtilization"));
        m.put(Figure.CPU_DAILY, List.of("EngineCPUUtilization"));
        m.put(Figure.MEMORY_PERCENT, List.of("DatabaseMemoryUsagePercentage"));
        m.put(Figure.COMMANDS, List.of("GetTypeCmds", "SetTypeCmds"));
        m.put(Figure.ITEMS, List.of("CurrItems"));
        if (cluster.clusterMode() || cluster.kind() == ClusterKind.MEMORYDB) {
            // NodeGroupMember.CurrentRole is returned for cluster-mode-disabled groups only (ElastiCache API Reference)
            m.put(Figure.IS_PRIMARY, List.of("IsPrimary"));
        }
        if (cluster.kind() == ClusterKind.ELASTICACHE) {
            m.put(Figure.VOLATILE_ITEMS, List.of("CurrVolatileItems"));
        }
        return m;
    }
}
