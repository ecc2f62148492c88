package io.cachewatch.lease;

import java.util.List;

/**
 * What one round changed for a task.
 *
 * @param acquired targets it took (a new fence each)
 * @param takenOver of those, the ones another task held before
 * @param lost     targets it held and does not any more: handed back over its share, or taken by another task after
 *                 its lease lapsed
 */
public record LeaseEvents(List<String> acquired, List<String> takenOver, List<String> lost) {
    public static final LeaseEvents NONE = new LeaseEvents(List.of(), List.of(), List.of());

    public boolean any() {
        return !acquired.isEmpty() || !lost.isEmpty();
    }
}
