package io.cachewatch.redis;

import io.cachewatch.slowlog.SlowlogCluster;
import java.util.List;

/**
 * One cluster to read: seed nodes (all nodes when the cluster mode is off and discovery listed them, the
 * configuration endpoint or an override URI otherwise), TLS and credentials.
 *
 * @param followTopology ask the seed for the node list: CLUSTER SHARDS (or CLUSTER NODES) in cluster mode, the
 *                       replicas of INFO replication otherwise (used for override URIs, where only a seed is known)
 * @param username       ACL user, null for the default user
 * @param password       AUTH password or token, null for none; never logged or reported
 */
public record RedisTarget(SlowlogCluster cluster, List<RedisNode> seeds, boolean tls, boolean followTopology,
                          String username, String password) {
    public RedisTarget {
        seeds = List.copyOf(seeds);
    }

    @Override
    public String toString() {
        return "RedisTarget[" + cluster.key() + " seeds=" + seeds + " tls=" + tls + " user=" + username + "]";
    }
}
