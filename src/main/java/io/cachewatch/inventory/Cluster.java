package io.cachewatch.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.cachewatch.posture.Posture;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cluster as discovered: an ElastiCache replication group, standalone cache cluster or serverless cache, or a
 * MemoryDB cluster.
 *
 * @param id          the id a person uses: replication group id, cache cluster id, serverless cache name, MemoryDB
 *                    cluster name
 * @param nodeType    e.g. {@code cache.r6g.large}; null for serverless caches
 * @param vcpus       from the node-type table (the APIs do not return it); null when the node type is unknown
 * @param memoryBytes from the node-type table; null when unknown
 * @param shards      empty for serverless caches
 * @param limits      serverless caches only
 * @param endpoint    the configuration/primary/serverless endpoint when the API reports one
 * @param standalone  ElastiCache node-based only: a cache cluster outside any replication group (its id may equal a
 *                    replication group's, so it is named apart: see {@link #ref()})
 * @param posture     the settings the audit checks read; null when not read (an inventory written before them)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cluster(
        ClusterKind kind,
        String region,
        String id,
        String arn,
        Engine engine,
        String engineVersion,
        String nodeType,
        Integer vcpus,
        Long memoryBytes,
        boolean tls,
        String status,
        boolean clusterMode,
        Map<String, String> tags,
        List<Shard> shards,
        ServerlessLimits limits,
        Endpoint endpoint,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean standalone,
        Posture posture) {

    @JsonCreator
    public Cluster {
        Node.require(id, "cluster id");
        Node.require(region, "cluster region");
        if (kind == null || engine == null) {
            throw new IllegalArgumentException("cluster " + id + ": kind and engine are required");
        }
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
        shards = shards == null ? List.of() : List.copyOf(shards);
        standalone = Boolean.TRUE.equals(standalone); // absent in inventory files written before it existed
        if (standalone && kind != ClusterKind.ELASTICACHE) {
            throw new IllegalArgumentException("cluster " + id + ": only an ElastiCache node-based cluster can be standalone");
        }
    }

    /** A replication group, serverless cache or MemoryDB cluster (not a standalone cache cluster). */
    public Cluster(ClusterKind kind, String region, String id, String arn, Engine engine, String engineVersion, String nodeType,
                   Integer vcpus, Long memoryBytes, boolean tls, String status, boolean clusterMode, Map<String, String> tags,
                   List<Shard> shards, ServerlessLimits limits, Endpoint endpoint) {
        this(kind, region, id, arn, engine, engineVersion, nodeType, vcpus, memoryBytes, tls, status, clusterMode, tags, shards,
                limits, endpoint, false, null);
    }

    /** A cluster whose posture was not read. */
    public Cluster(ClusterKind kind, String region, String id, String arn, Engine engine, String engineVersion, String nodeType,
                   Integer vcpus, Long memoryBytes, boolean tls, String status, boolean clusterMode, Map<String, String> tags,
                   List<Shard> shards, ServerlessLimits limits, Endpoint endpoint, Boolean standalone) {
        this(kind, region, id, arn, engine, engineVersion, nodeType, vcpus, memoryBytes, tls, status, clusterMode, tags, shards,
                limits, endpoint, standalone, null);
    }

    /** Its identity in names and ownership marks: kind (a standalone cache cluster apart) and id. */
    @JsonIgnore
    public ClusterRef ref() {
        return new ClusterRef(standalone ? ClusterRef.CACHE_CLUSTER : kind.id(), id);
    }

    public Cluster withPosture(Posture posture) {
        return new Cluster(kind, region, id, arn, engine, engineVersion, nodeType, vcpus, memoryBytes, tls, status,
                clusterMode, tags, shards, limits, endpoint, standalone, posture);
    }

    /** A shard "has replicas" when it holds more than one node of a replicating engine (never Memcached). */
    public boolean hasReplicas(Shard shard) {
        return engine != Engine.MEMCACHED && shard.nodes().size() > 1;
    }

    @JsonIgnore
    public List<Node> nodes() {
        return shards.stream().flatMap(s -> s.nodes().stream()).toList();
    }

    /**
     * Region-qualified identity, unique across a fleet: the same name may exist in ElastiCache and MemoryDB, and as
     * a replication group and a standalone cache cluster, so it is built from {@link #ref()}.
     */
    @JsonIgnore
    public String key() {
        return region + "/" + ref().kind() + "/" + id;
    }
}
