package io.cachewatch.alarm;

import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.plan.Applier;
import io.cachewatch.plan.ClusterProblem;
import io.cachewatch.plan.Diff;
import io.cachewatch.plan.Differ;
import io.cachewatch.plan.Found;
import io.cachewatch.plan.ManagedKind;
import io.cachewatch.plan.Ownership;
import io.cachewatch.plan.Wanted;
import io.cachewatch.plan.Wants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * CloudWatch metric alarms as a managed kind: regional, listed by name prefix (DescribeAlarms returns descriptions,
 * so ownership costs no extra call), owned when the description ends in cachewatch's owner line.
 */
public final class AlarmKind implements ManagedKind<DesiredState, AlarmStore, DesiredAlarm, ActualAlarm> {
    /** The {@code kind} of its changes. */
    public static final String ID = "alarm";

    private static final Differ<DesiredAlarm, ActualAlarm> DIFFER = new Differ<>() {
        /**
         * The last summary made. A region's desired alarms come rule by rule within each cluster, so consecutive creates
         * mostly share one summary (a plan of 60,000 creates makes about 2,000 instead of 60,000). An immutable record
         * in a plain field: threads that plan at once at worst make a summary again.
         */
        private Created last;

        @Override
        public Diff between(ActualAlarm actual, DesiredAlarm desired) {
            return new Diff(AlarmDiff.between(actual.spec(), desired.spec()), null);
        }

        @Override
        public String created(DesiredAlarm desired) {
            Created previous = last;
            if (previous != null && previous.severity().equals(desired.severity()) && AlarmSummary.sameSummary(previous.spec(), desired.spec())) {
                return previous.summary();
            }
            String summary = AlarmSummary.describe(desired.spec(), new StringBuilder(80)).append(' ').append(desired.severity()).toString();
            last = new Created(desired.spec(), desired.severity(), summary);
            return summary;
        }
    };

    private record Created(AlarmSpec spec, String severity, String summary) {
    }

    private final AlarmNaming naming;

    public AlarmKind(AlarmNaming naming) {
        this.naming = naming;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Wants<DesiredAlarm> want(DesiredState region) {
        List<Wanted<DesiredAlarm>> wanted = new ArrayList<>(region.alarms().size());
        ClusterRef ref = null;
        for (DesiredAlarm a : region.alarms()) {
            AlarmOwner owner = a.owner();
            // a cluster's alarms come one after another: they share one reference instead of one each
            if (ref == null || !ref.id().equals(owner.cluster()) || !ref.kind().equals(owner.kind())) {
                ref = owner.ref();
            }
            wanted.add(new Wanted<>(a.name(), ref, owner.node(), owner.rule(), a));
        }
        return new Wants<>(wanted, List.of());
    }

    @Override
    public Map<String, List<Found<ActualAlarm>>> read(List<DesiredState> regions, Function<String, AlarmStore> stores,
                                                       List<ClusterProblem> failures) {
        return Found.byRegion(regions, plural(), failures, state -> stores.apply(state.region()).listManaged(naming.prefix()).stream()
                .map(a -> new Found<>(a.name(), ownership(a), a)).toList());
    }

    @Override
    public Differ<DesiredAlarm, ActualAlarm> differ() {
        return DIFFER;
    }

    /**
     * Whose an alarm is, from its owner line. An owner line of the old form names no kind: the kind comes from the
     * name, and {@code elasticache} there may have been a replication group or a standalone cache cluster.
     */
    Ownership ownership(ActualAlarm alarm) {
        AlarmOwner owner = alarm.owner();
        if (owner == null) {
            return new Ownership.NotOurs("its description carries no cachewatch owner line");
        }
        if (owner.kind() != null) {
            return new Ownership.Ours(owner.region(), owner.ref(), owner.node(), owner.rule());
        }
        String kind = naming.kindOf(alarm.name());
        Set<ClusterRef> candidates = kind.equals("elasticache")
                ? Set.of(new ClusterRef(kind, owner.cluster()), new ClusterRef(ClusterRef.CACHE_CLUSTER, owner.cluster()))
                : Set.of(new ClusterRef(kind, owner.cluster()));
        return new Ownership.Ours(owner.region(), candidates, owner.node(), owner.rule());
    }

    @Override
    public Applier.Writes<DesiredAlarm> writes(AlarmStore store) {
        return Applier.Writes.of(change -> store.put(change.desired()), store::delete);
    }
}
