package io.cachewatch.slowlog;

import java.util.List;

/**
 * New entries of one of a node's logs in one window (after its cursor), and how many were lost before they could be
 * read.
 */
public record NodeEntries(String node, List<SlowlogEntry> entries, long lost, LogType log) {
    public NodeEntries {
        entries = List.copyOf(entries);
    }

    /** Entries of the slow log. */
    public NodeEntries(String node, List<SlowlogEntry> entries, long lost) {
        this(node, entries, lost, LogType.SLOW);
    }
}
