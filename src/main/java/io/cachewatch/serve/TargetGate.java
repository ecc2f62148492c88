package io.cachewatch.serve;

import io.cachewatch.state.Fence;

/**
 * Whether this task may work a target now: asked before each reconcile and slow-log poll, between alarm and
 * dashboard writes and before each publish. Without leases (the file store, one process) every target is always
 * worked.
 */
public interface TargetGate {
    TargetGate ALWAYS = new TargetGate() {
        @Override
        public boolean holds(String target) {
            return true;
        }

        @Override
        public Fence fence(String target) {
            return null;
        }
    };

    boolean holds(String target);

    /** The fence to write the target's state under; null without leases. */
    Fence fence(String target);
}
