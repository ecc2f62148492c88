package io.cachewatch.slowlog;

import java.util.List;

/**
 * One read of one of a node's logs.
 *
 * @param node     how findings name the node (the AWS node id when known, else host:port)
 * @param runId    the server's run id (INFO server), null when unknown
 * @param newestId id of the newest entry the probe saw, -1 when the log was empty
 * @param entries  entries fetched after the cursor (empty when nothing was new)
 * @param log      which log: the slow log (SLOWLOG, or COMMANDLOG's slow) or COMMANDLOG's large-request/large-reply
 */
public record NodeRead(String node, String runId, long newestId, List<SlowlogEntry> entries, LogType log) {
    public NodeRead {
        entries = List.copyOf(entries);
    }

    /** A read of the slow log. */
    public NodeRead(String node, String runId, long newestId, List<SlowlogEntry> entries) {
        this(node, runId, newestId, entries, LogType.SLOW);
    }
}
