package io.cachewatch.state;

/**
 * Proof that a task holds a target's lease: the holder's task id and the lease's fencing number, raised at every
 * takeover. A state write made under a fence succeeds only while the lease item still has this holder and number, so
 * a task that lost its lease (paused, cut off) cannot overwrite what the new holder wrote.
 */
public record Fence(String target, String holder, long number) {
    public Fence {
        if (target == null || target.isBlank() || holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("a fence needs a target and a holder");
        }
    }
}
