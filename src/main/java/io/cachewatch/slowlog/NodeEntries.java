package io.cachewatch.slowlog;

import java.util.List;

/** New entries of one node in one window (after its cursor), and how many were lost before they could be read. */
public record NodeEntries(String node, List<SlowlogEntry> entries, long lost) {
    public NodeEntries {
        entries = List.copyOf(entries);
    }
}
