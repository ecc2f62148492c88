package io.cachewatch.slowlog;

import java.util.List;
import java.util.function.Predicate;

/**
 * Where reading one node's slow log stopped: the newest entry id seen and the server's run id. Ids count up by one per
 * logged command, so the gap between the newest id and the cursor says how many entries arrived; when fewer are still
 * in the log, the rest were pushed out ({@code slowlog-max-len}) and are counted as lost. A node restart (new run id,
 * or ids that went backwards) starts the count again from 0.
 *
 * @param lastId    id of the newest entry already processed; -1 when none
 * @param runId     the server's {@code run_id} from INFO, null when unknown
 * @param ownLogged the node's slow log held cachewatch's own commands at the last read (a threshold low enough to
 *                  log them): its last command then, the SLOWLOG GET that read the log, is logged after the cursor
 */
public record NodeCursor(long lastId, String runId, boolean ownLogged) {
    public NodeCursor(long lastId, String runId) {
        this(lastId, runId, false);
    }

    /** What one read of a node's log yields after the cursor. */
    public record Advance(List<SlowlogEntry> newEntries, long lost, boolean restarted, NodeCursor next) {
    }

    /** The commands a read ends with: its last one is logged after the cursor on a node that logs cachewatch's own. */
    private static final java.util.Set<String> READ_COMMANDS = java.util.Set.of("SLOWLOG", "COMMANDLOG");

    /** Extra entries asked for, in case commands were logged between the probe and the fetch. */
    static final int FETCH_MARGIN = 32;

    /**
     * How many entries to fetch after a probe saw {@code newestId} on a server with {@code runId}; 0 when nothing is
     * new (so an idle node costs one round trip), -1 for "the whole log" (first read, restart) capped by the caller.
     */
    public static long fetchCount(NodeCursor cursor, String runId, long newestId, int cap) {
        if (newestId < 0) {
            return 0;
        }
        if (cursor == null || restartedSince(cursor, runId, newestId)) {
            return Math.min(cap, newestId + 1 + FETCH_MARGIN);
        }
        if (newestId == cursor.lastId) {
            return 0;
        }
        return Math.min(cap, newestId - cursor.lastId + FETCH_MARGIN);
    }

    static boolean restartedSince(NodeCursor cursor, String runId, long newestId) {
        boolean otherRun = runId != null && cursor.runId != null && !runId.equals(cursor.runId);
        return otherRun || (newestId >= 0 && newestId < cursor.lastId);
    }

    /**
     * Moves {@code cursor} (null on the first read of a node) past {@code entries} (any order) read from a server whose
     * run id is {@code runId} and whose newest entry id was {@code newestId} (-1 when the log was empty) when the
     * read began; {@code own} tells cachewatch's own entries.
     *
     * <p>Ids missing between the cursor and the newest entry were pushed out of the log (or wiped by SLOWLOG RESET)
     * and count as lost, except the collector's own last command of the previous read: when the node logs
     * cachewatch's commands, that SLOWLOG GET is logged after the cursor, before this read's probe, and is not a loss
     * when it is gone (a reset right after a read would otherwise always report one lost entry).
     */
    public static Advance advance(NodeCursor cursor, String runId, long newestId, List<SlowlogEntry> entries,
                                  Predicate<SlowlogEntry> own) {
        long newest = Math.max(newestId, entries.stream().mapToLong(SlowlogEntry::id).max().orElse(-1));
        boolean restarted = cursor != null && restartedSince(cursor, runId, newest);
        long baseline = cursor == null || restarted ? -1 : cursor.lastId;
        List<SlowlogEntry> fresh = entries.stream().filter(e -> e.id() > baseline)
                .sorted(java.util.Comparator.comparingLong(SlowlogEntry::id)).toList();
        long lost = 0;
        if (cursor != null && newest > baseline) {
            // ids baseline+1 .. newest were all logged; whatever is not in the log any more was pushed out
            lost = Math.max(0, newest - baseline - fresh.size());
            boolean ownTailSeen = fresh.stream().anyMatch(e -> own.test(e) && READ_COMMANDS.contains(e.command()) && e.id() < newestId);
            if (lost > 0 && !restarted && cursor.ownLogged && !ownTailSeen) {
                lost--;
            }
        }
        String nextRun = runId != null ? runId : cursor == null ? null : cursor.runId;
        boolean ownLogged = fresh.stream().anyMatch(own) || (fresh.isEmpty() && cursor != null && cursor.ownLogged);
        NodeCursor next = new NodeCursor(Math.max(baseline, newest), nextRun, ownLogged);
        return new Advance(fresh, lost, restarted, next);
    }

    /** {@link #advance(NodeCursor, String, long, List, Predicate)} for a node whose log holds none of cachewatch's commands. */
    public static Advance advance(NodeCursor cursor, String runId, long newestId, List<SlowlogEntry> entries) {
        return advance(cursor, runId, newestId, entries, e -> false);
    }
}
