package io.cachewatch.lease;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where leases and the tasks' heartbeats are kept (the DynamoDB state table in serve). Every write is conditional. */
public interface LeaseStore {
    /**
     * The lease of every one of these targets, {@link Lease#never} for those without one yet.
     *
     * @throws LeaseStoreException when the store cannot be reached
     */
    Map<String, Lease> leases(Collection<String> targets);

    /** Every task's latest heartbeat, lapsed ones included. */
    List<TaskBeat> tasks();

    /** Announces (or extends) a task's heartbeat. */
    void beat(TaskBeat beat);

    /** Removes a task's heartbeat: the others count it out at their next round. */
    void leave(String task);

    /**
     * Writes {@code write.next()} if the lease still has {@code write.expected()}'s version.
     *
     * @return false when another task changed the lease first (a lost race, not an error)
     * @throws LeaseStoreException when the store cannot be reached or refused for another reason
     */
    boolean write(LeasePlan.Write write);
}
