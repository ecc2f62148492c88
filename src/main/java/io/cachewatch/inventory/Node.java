package io.cachewatch.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One cache node, identified exactly as CloudWatch publishes its metrics.
 *
 * @param cacheClusterId ElastiCache: the member cache cluster id ({@code <rg>-001}, {@code <rg>-0001-001}) or the
 *                       standalone cluster id; MemoryDB: the cluster name
 * @param id             ElastiCache: the cache node id ({@code 0001}); MemoryDB: the node name ({@code <cluster>-0001-001})
 * @param endpoint       where to reach the node, when the API reports it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(String cacheClusterId, String id, NodeRole role, Endpoint endpoint, String availabilityZone) {
    public Node {
        require(cacheClusterId, "cacheClusterId");
        require(id, "id");
        role = role == null ? NodeRole.UNKNOWN : role;
    }

    static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("node " + field + " must not be empty");
        }
    }
}
