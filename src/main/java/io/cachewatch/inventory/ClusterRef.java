package io.cachewatch.inventory;

import java.util.Set;

/**
 * What a cluster is known by in every name and ownership mark cachewatch writes: its identity kind and its id. AWS
 * keeps the ids of replication groups and of cache clusters apart, so {@code orders} may be both; the identity kind
 * tells them apart: {@code elasticache} (a replication group), {@code cachecluster} (a standalone cache cluster),
 * {@code serverless}, {@code memorydb}.
 */
public record ClusterRef(String kind, String id) {
    /** The identity kind of a standalone ElastiCache cache cluster. */
    public static final String CACHE_CLUSTER = "cachecluster";
    /** Every identity kind: none is a prefix of another followed by '-', so names built from them cannot clash. */
    public static final Set<String> KINDS = Set.of("elasticache", CACHE_CLUSTER, "serverless", "memorydb");

    public ClusterRef {
        Node.require(kind, "cluster kind");
        Node.require(id, "cluster id");
    }

    /** The owner of what is about a region as a whole (its fleet overview). */
    public static ClusterRef ofFleet(String region) {
        return new ClusterRef("fleet", region);
    }

    /** True for the owner of a region's fleet overview. */
    public boolean fleet() {
        return kind.equals("fleet");
    }

    /**
     * As a record's generated equals, written out: plans look clusters up by reference tens of thousands of times, and
     * the generated method runs through method handles, slow until the JIT has compiled it.
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ClusterRef ref && kind.equals(ref.kind) && id.equals(ref.id);
    }

    /** The value a record's generated hashCode gives (31 × kind's hash + id's hash), without its method handles. */
    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + id.hashCode();
    }

    /** {@code elasticache/orders}, {@code cachecluster/orders}. */
    @Override
    public String toString() {
        return kind + "/" + id;
    }
}
