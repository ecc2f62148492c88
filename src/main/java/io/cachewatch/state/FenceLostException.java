package io.cachewatch.state;

/**
 * A write under a {@link Fence} was refused because the target's lease has another holder or fencing number now: this
 * task lost the lease (paused, cut off) and another took the target over. Nothing was written; the caller stops
 * working the target and publishes nothing more for it.
 */
public final class FenceLostException extends StateStoreException {
    private final Fence fence;

    public FenceLostException(Fence fence, String message, Throwable cause) {
        super(message, cause);
        this.fence = fence;
    }

    public Fence fence() {
        return fence;
    }

    @Override
    public FenceLostException after(String context) {
        return new FenceLostException(fence, context + ": " + getMessage(), this);
    }
}
