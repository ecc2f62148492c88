package io.cachewatch.lease;

/**
 * A target's lease as the shared table holds it. Leases are never deleted: a released lease keeps its fencing
 * number, so the next holder's number is always higher than every one before it.
 *
 * @param holder    the task holding it, null when released or never taken
 * @param fence     raised at every acquisition; a state write made under an older number is refused
 * @param expiresAt epoch milliseconds after which anyone may take it (0 when released)
 * @param version   raised at every write; every write is conditional on the version it read (0: no item yet)
 */
public record Lease(String target, String holder, long fence, long expiresAt, long version) {
    public Lease {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("a lease needs a target");
        }
        if (holder != null && holder.isBlank()) {
            holder = null;
        }
    }

    /** A lease nobody ever took: no item in the table yet. */
    public static Lease never(String target) {
        return new Lease(target, null, 0, 0, 0);
    }

    /** True while someone holds it: a holder and an expiry still ahead. */
    public boolean live(long nowMillis) {
        return holder != null && nowMillis < expiresAt;
    }

    public boolean heldBy(String task, long nowMillis) {
        return live(nowMillis) && holder.equals(task);
    }

    /** Taken by {@code task}: the fence is raised, so every write of an earlier holder is refused from now on. */
    public Lease acquiredBy(String task, long nowMillis, long durationMillis) {
        if (live(nowMillis)) {
            throw new IllegalStateException("lease of " + target + " is held by " + holder + " until " + expiresAt);
        }
        return new Lease(target, task, fence + 1, nowMillis + durationMillis, version + 1);
    }

    /** Extended by its holder: same fence. */
    public Lease renewed(long nowMillis, long durationMillis) {
        if (holder == null) {
            throw new IllegalStateException("lease of " + target + " has no holder to renew it");
        }
        return new Lease(target, holder, fence, nowMillis + durationMillis, version + 1);
    }

    /** Handed back: free at once, fence kept. */
    public Lease released() {
        return new Lease(target, null, fence, 0, version + 1);
    }

    /** True when this acquisition took the target from a task that held it before (its fence was raised before). */
    public boolean takenOver() {
        return fence > 1;
    }
}
