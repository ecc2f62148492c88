package io.cachewatch.lease;

import java.util.Collection;
import java.util.List;

/**
 * How many targets each live task should hold: {@code targets / tasks}, and one more for the first
 * {@code targets % tasks} tasks in name order, so the shares always add up to the number of targets and differ by
 * at most one (2 tasks, 7 targets: 4 and 3).
 */
public final class Shares {
    private Shares() {
    }

    /** @param liveTasks every live task, {@code task} among them (added when missing: a task always counts itself) */
    public static int of(String task, Collection<String> liveTasks, int targets) {
        List<String> tasks = liveTasks.stream().distinct().sorted().toList();
        if (!tasks.contains(task)) {
            tasks = java.util.stream.Stream.concat(tasks.stream(), java.util.stream.Stream.of(task)).sorted().toList();
        }
        int index = tasks.indexOf(task);
        return targets / tasks.size() + (index < targets % tasks.size() ? 1 : 0);
    }
}
