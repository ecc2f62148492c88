package io.cachewatch.plan;

/** Receives progress while a plan is applied (a terminal progress line, metrics). */
public interface ApplyProgress {
    ApplyProgress NONE = (done, total) -> { };

    /** Called after each change (or batch of deletes) with changes done so far and the total. */
    void advanced(int done, int total);
}
