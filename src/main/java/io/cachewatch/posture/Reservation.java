package io.cachewatch.posture;

import java.time.Instant;

/**
 * An active reservation of nodes of one node type in one region, as ElastiCache DescribeReservedCacheNodes
 * (ReservedCacheNode) or MemoryDB DescribeReservedNodes (ReservedNode) returns it: StartTime plus Duration (seconds) is
 * when it ends.
 */
public record Reservation(String id, String nodeType, int count, Instant start, Instant end) {
    public Reservation {
        if (id == null || nodeType == null || start == null || end == null || count < 0) {
            throw new IllegalArgumentException("reservation " + id + ": id, node type, start, end and a count ≥ 0 are required");
        }
    }
}
