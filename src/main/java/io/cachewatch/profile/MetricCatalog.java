package io.cachewatch.profile;

import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import io.cachewatch.slowlog.SlowlogMetrics;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which metrics CloudWatch publishes for each kind of resource. Sources (AWS documentation):
 * <ul>
 *   <li>ElastiCache "Host-Level Metrics" (CacheMetrics.HostLevel) — node-based nodes of every engine;</li>
 *   <li>ElastiCache "Metrics for Valkey and Redis OSS" (CacheMetrics.Redis);</li>
 *   <li>ElastiCache "Metrics for Memcached" (CacheMetrics.Memcached);</li>
 *   <li>ElastiCache "Serverless metrics and events" for Valkey/Redis OSS (serverless-metrics-events-redis) and
 *       Memcached (serverless-metrics-events.memcached) — dimension {@code clusterId};</li>
 *   <li>MemoryDB "Host-Level Metrics" (metrics.HostLevel) and "Metrics for MemoryDB" (metrics.memorydb).</li>
 * </ul>
 * and cachewatch's own {@value #SLOWLOG_NAMESPACE} ({@link SlowlogMetrics}: per ElastiCache node-based and MemoryDB
 * Valkey/Redis OSS cluster, never per node, nothing for Memcached or serverless caches, which have no readable slow log).
 * See also /work/shared/reference/aws-monitoring-facts.md. MetricCatalogDocumentedTest checks that every metric these
 * pages list is here; the lists it checks against, with their URLs and retrieval date, are the test resource
 * {@code aws-documented-metrics.txt}. Node-based metrics are published per node and
 * aggregated per (member) cluster, so node and cluster scope offer the same names; serverless caches have
 * no nodes and publish per cache only.
 */
public final class MetricCatalog {
    /** The namespace of the slow-log pipeline's own metrics. */
    public static final String SLOWLOG_NAMESPACE = SlowlogMetrics.NAMESPACE;

    /** Values in 0..100. */
    private static final Set<String> PERCENT = Set.of(
            "CPUUtilization", "EngineCPUUtilization", "DatabaseMemoryUsagePercentage",
            "DatabaseMemoryUsageCountedForEvictPercentage", "DatabaseCapacityUsagePercentage",
            "DatabaseCapacityUsageCountedForEvictPercentage", "CacheHitRate");

    private static final List<String> HOST_LEVEL = List.of(
            "CPUUtilization", "CPUCreditBalance", "CPUCreditUsage", "FreeableMemory", "SwapUsage",
            "NetworkBytesIn", "NetworkBytesOut", "NetworkPacketsIn", "NetworkPacketsOut",
            "NetworkBandwidthInAllowanceExceeded", "NetworkBandwidthOutAllowanceExceeded",
            "NetworkConntrackAllowanceExceeded", "NetworkLinkLocalAllowanceExceeded",
            "NetworkPacketsPerSecondAllowanceExceeded",
            "NetworkMaxBytesIn", "NetworkMaxBytesOut", "NetworkMaxPacketsIn", "NetworkMaxPacketsOut");

    /** Per-command-family counts and latencies, published by Valkey/Redis OSS engines (node-based and serverless). */
    private static final List<String> COMMAND_FAMILIES = List.of(
            "EvalBasedCmds", "GeoSpatialBasedCmds", "GetTypeCmds", "HashBasedCmds", "HyperLogLogBasedCmds",
            "JsonBasedCmds", "KeyBasedCmds", "ListBasedCmds", "NonKeyTypeCmds", "PubSubBasedCmds",
            "SetBasedCmds", "SetTypeCmds", "SortedSetBasedCmds", "StringBasedCmds", "StreamBasedCmds");

    /** Engine metrics shared by ElastiCache Valkey/Redis OSS nodes and MemoryDB nodes. */
    private static final List<String> REDIS_ENGINE = List.of(
            "ActiveDefragHits", "AuthenticationFailures", "BytesReadFromDisk", "BytesWrittenToDisk",
            "CommandAuthorizationFailures", "CurrConnections", "CurrItems", "CurrVolatileItems",
            "DatabaseMemoryUsagePercentage", "DatabaseMemoryUsageCountedForEvictPercentage", "DB0AverageTTL",
            "EngineCPUUtilization", "ErrorCount", "Evictions", "IsMaster", "KeyAuthorizationFailures",
            "KeysTracked", "MemoryFragmentationRatio", "NewConnections", "NumItemsReadFromDisk",
            "NumItemsWrittenToDisk", "PrimaryLinkHealthStatus", "Reclaimed", "ReplicationBytes",
            "ReplicationLag", "SuccessfulReadRequestLatency", "SuccessfulWriteRequestLatency");

    private static final List<String> ELASTICACHE_REDIS_ONLY = List.of(
            "BytesUsedForCache", "CacheHits", "CacheMisses", "CacheHitRate", "DatabaseCapacityUsagePercentage",
            "DatabaseCapacityUsageCountedForEvictPercentage", "GlobalDatastoreReplicationLag",
            "IamAuthenticationExpirations", "IamAuthenticationThrottling", "TrafficManagementActive",
            "SaveInProgress", "ClusterBasedCmds", "ClusterBasedCmdsLatency", "ChannelAuthorizationFailures",
            "MasterLinkHealthStatus", "JsonBasedGetCmds", "JsonBasedGetCmdsLatency", "JsonBasedSetCmds",
            "JsonBasedSetCmdsLatency", "SearchBasedCmds", "SearchBasedCmdsLatency", "SearchBasedGetCmds",
            "SearchBasedGetCmdsLatency", "SearchBasedSetCmds", "SearchBasedSetCmdsLatency", "SearchNumberOfIndexes",
            "SearchTotalIndexedDocuments", "SearchUsedMemoryBytes");

    private static final List<String> MEMORYDB_ONLY = List.of(
            "BytesUsedForMemoryDB", "IsPrimary", "KeyspaceHits", "KeyspaceMisses", "MaxReplicationThroughput",
            "ReplicationDelayedWriteCommands", "DatabaseCapacityUsagePercentage", "MultiRegionClusterReplicationLag",
            "SearchBasedCmds", "SearchBasedGetCmds", "SearchBasedSetCmds", "SearchNumberOfIndexes",
            "SearchNumberOfIndexedKeys", "SearchTotalIndexSize");

    private static final List<String> MEMCACHED = List.of(
            "BytesReadIntoMemcached", "BytesUsedForCacheItems", "BytesWrittenOutFromMemcached", "CasBadval",
            "CasHits", "CasMisses", "CmdFlush", "CmdGet", "CmdSet", "CurrConnections", "CurrItems", "DecrHits",
            "DecrMisses", "DeleteHits", "DeleteMisses", "Evictions", "GetHits", "GetMisses", "IncrHits",
            "IncrMisses", "Reclaimed", "BytesUsedForHash", "CmdConfigGet", "CmdConfigSet", "CmdTouch",
            "CurrConfig", "EvictedUnfetched", "ExpiredUnfetched", "SlabsMoved", "TouchHits", "TouchMisses",
            "NewConnections", "NewItems", "UnusedMemory");

    private static final List<String> SERVERLESS_COMMON = List.of(
            "BytesUsedForCache", "ElastiCacheProcessingUnits", "SuccessfulReadRequestLatency",
            "SuccessfulWriteRequestLatency", "TotalCmdsCount", "CurrConnections", "ThrottledCmds",
            "NewConnections", "CurrItems", "NetworkBytesIn", "NetworkBytesOut", "Evictions");

    private static final List<String> SERVERLESS_REDIS = List.of(
            "CacheHitRate", "CacheHits", "CacheMisses", "CurrVolatileItems", "IamAuthenticationExpirations",
            "IamAuthenticationThrottling", "KeyAuthorizationFailures", "AuthenticationFailures",
            "CommandAuthorizationFailures");

    private static final List<String> SERVERLESS_MEMCACHED = List.of(
            "Reclaimed", "CmdGet", "CmdSet", "CmdTouch", "GetHits", "GetMisses", "IncrHits", "IncrMisses",
            "DecrHits", "DecrMisses", "DeleteHits", "DeleteMisses", "TouchHits", "TouchMisses", "CasHits",
            "CasMisses", "CasBadval", "CmdFlush");

    /** (kind, engine) to metric names; combinations AWS does not offer (MemoryDB Memcached) are absent. */
    private static final Map<String, Set<String>> PUBLISHED = published();
    /** Every metric some kind publishes, for lookups on the planning path (one per desired alarm). */
    private static final Set<String> KNOWN = Stream.concat(PUBLISHED.values().stream().flatMap(Set::stream), SlowlogMetrics.NAMES.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private MetricCatalog() {
    }

    /** Whether resources of this kind, engine and scope exist at all (no MemoryDB Memcached, no serverless nodes). */
    public static boolean exists(ClusterKind kind, Engine engine, Scope scope) {
        return PUBLISHED.containsKey(key(kind, engine)) && !(kind == ClusterKind.SERVERLESS && scope == Scope.NODE);
    }

    /** The metrics published for one kind of resource; empty for a combination that does not exist. */
    public static Set<String> metrics(ClusterKind kind, Engine engine, Scope scope) {
        return exists(kind, engine, scope) ? PUBLISHED.get(key(kind, engine)) : Set.of();
    }

    public static boolean publishes(ClusterKind kind, Engine engine, Scope scope, String metric) {
        return metrics(kind, engine, scope).contains(metric);
    }

    /** Whether the metric is published in this namespace (null: the kind's AWS namespace) for such resources. */
    public static boolean publishes(String namespace, ClusterKind kind, Engine engine, Scope scope, String metric) {
        if (namespace == null || namespace.equals(kind.namespace())) {
            return publishes(kind, engine, scope, metric);
        }
        return namespace.equals(SLOWLOG_NAMESPACE) && scope == Scope.CLUSTER && kind != ClusterKind.SERVERLESS
                && engine != Engine.MEMCACHED && SlowlogMetrics.NAMES.contains(metric);
    }

    /** Every metric of a namespace ({@code AWS/ElastiCache}, {@code AWS/MemoryDB} or {@value #SLOWLOG_NAMESPACE}), sorted. */
    public static Set<String> namespaceMetrics(String namespace) {
        if (namespace.equals(SLOWLOG_NAMESPACE)) {
            return new TreeSet<>(SlowlogMetrics.NAMES);
        }
        Set<String> all = new TreeSet<>();
        for (ClusterKind kind : ClusterKind.values()) {
            if (kind.namespace().equals(namespace)) {
                for (Engine engine : Engine.values()) {
                    all.addAll(PUBLISHED.getOrDefault(key(kind, engine), Set.of()));
                }
            }
        }
        return all;
    }

    /** The metric's definition when some kind publishes it. */
    public static Optional<MetricDefinition> definition(String metric) {
        return KNOWN.contains(metric) ? Optional.of(new MetricDefinition(metric, PERCENT.contains(metric))) : Optional.empty();
    }

    private static Map<String, Set<String>> published() {
        Map<String, Set<String>> map = new TreeMap<>();
        Set<String> redisNode = union(HOST_LEVEL, REDIS_ENGINE, ELASTICACHE_REDIS_ONLY, COMMAND_FAMILIES, latencies());
        Set<String> memcachedNode = union(HOST_LEVEL, MEMCACHED);
        Set<String> memoryDbNode = union(HOST_LEVEL, REDIS_ENGINE, MEMORYDB_ONLY, COMMAND_FAMILIES, latencies());
        Set<String> serverlessRedis = union(SERVERLESS_COMMON, SERVERLESS_REDIS, COMMAND_FAMILIES, latencies());
        Set<String> serverlessMemcached = union(SERVERLESS_COMMON, SERVERLESS_MEMCACHED);
        for (Engine engine : List.of(Engine.REDIS, Engine.VALKEY)) {
            map.put(key(ClusterKind.ELASTICACHE, engine), redisNode);
            map.put(key(ClusterKind.MEMORYDB, engine), memoryDbNode);
            map.put(key(ClusterKind.SERVERLESS, engine), serverlessRedis);
        }
        map.put(key(ClusterKind.ELASTICACHE, Engine.MEMCACHED), memcachedNode);
        map.put(key(ClusterKind.SERVERLESS, Engine.MEMCACHED), serverlessMemcached);
        return Map.copyOf(map);
    }

    private static List<String> latencies() {
        return COMMAND_FAMILIES.stream().map(name -> name + "Latency").toList();
    }

    @SafeVarargs
    private static Set<String> union(Collection<String>... lists) {
        return Set.copyOf(Stream.of(lists).flatMap(Collection::stream).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static String key(ClusterKind kind, Engine engine) {
        return kind.id() + "/" + engine.id();
    }
}
