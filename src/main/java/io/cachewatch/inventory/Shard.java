package io.cachewatch.inventory;

import java.util.List;

/**
 * A shard (ElastiCache node group, MemoryDB shard). A standalone cluster is one shard; a Memcached cluster is one
 * shard whose nodes are independent partitions, never replicas of each other.
 */
public record Shard(String id, List<Node> nodes) {
    public Shard {
        Node.require(id, "shard id");
        nodes = List.copyOf(nodes);
    }
}
