package io.cachewatch.lease;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lease store's contract in memory, for the pure tests: writes conditional on the version, a switch for being
 * unreachable, and the history of fences at each acquisition so tests can check they only ever rise.
 */
public final class MemoryLeaseStore implements LeaseStore {
    private final Map<String, Lease> leases = new HashMap<>();
    private final Map<String, TaskBeat> tasks = new LinkedHashMap<>();
    final Map<String, List<Long>> acquisitions = new HashMap<>();
    public boolean down;
    int calls;

    @Override
    public synchronized Map<String, Lease> leases(Collection<String> targets) {
        answer();
        Map<String, Lease> out = new LinkedHashMap<>();
        targets.forEach(t -> out.put(t, leases.getOrDefault(t, Lease.never(t))));
        return out;
    }

    @Override
    public synchronized List<TaskBeat> tasks() {
        answer();
        return new ArrayList<>(tasks.values());
    }

    @Override
    public synchronized void beat(TaskBeat beat) {
        answer();
        tasks.put(beat.task(), beat);
    }

    @Override
    public synchronized void leave(String task) {
        answer();
        tasks.remove(task);
    }

    @Override
    public synchronized boolean write(LeasePlan.Write write) {
        answer();
        String target = write.next().target();
        Lease current = leases.getOrDefault(target, Lease.never(target));
        if (current.version() != write.expected().version()) {
            return false;
        }
        if (write.next().fence() != current.fence()) {
            acquisitions.computeIfAbsent(target, k -> new ArrayList<>()).add(write.next().fence());
        }
        leases.put(target, write.next());
        return true;
    }

    public synchronized Lease lease(String target) {
        return leases.getOrDefault(target, Lease.never(target));
    }

    private void answer() {
        calls++;
        if (down) {
            throw new LeaseStoreException("memory store is down", null);
        }
    }
}
