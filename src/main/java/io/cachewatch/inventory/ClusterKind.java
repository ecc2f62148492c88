package io.cachewatch.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of managed cache a cluster is; decides its CloudWatch namespace and dimensions. */
public enum ClusterKind {
    /** ElastiCache node-based: a replication group or a standalone cache cluster. */
    ELASTICACHE("elasticache", "AWS/ElastiCache"),
    /** ElastiCache serverless cache: no nodes, metrics under the lower-case {@code clusterId} dimension. */
    SERVERLESS("serverless", "AWS/ElastiCache"),
    /** MemoryDB cluster. */
    MEMORYDB("memorydb", "AWS/MemoryDB");

    private final String id;
    private final String namespace;

    ClusterKind(String id, String namespace) {
        this.id = id;
        this.namespace = namespace;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String namespace() {
        return namespace;
    }

    @JsonCreator
    public static ClusterKind fromId(String id) {
        for (ClusterKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown cluster kind '" + id + "' (expected elasticache, serverless or memorydb)");
    }
}
