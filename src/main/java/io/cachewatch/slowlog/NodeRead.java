package io.cachewatch.slowlog;

import java.util.List;

/**
 * One read of one node's slow log.
 *
 * @param node     how findings name the node (the AWS node id when known, else host:port)
 * @param runId    the server's run id (INFO server), null when unknown
 * @param newestId id of the newest entry the probe saw, -1 when the log was empty
 * @param entries  entries fetched after the cursor (empty when nothing was new)
 */
public record NodeRead(String node, String runId, long newestId, List<SlowlogEntry> entries) {
    public NodeRead {
        entries = List.copyOf(entries);
    }
}
