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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * CloudWatch metric alarms as a managed kind: regional, listed by name prefix (DescribeAlarms returns descriptions,
 * so ownership costs no extra call), owned when the description ends in cachewatch's owner line.
 */
public final class AlarmKind implements ManagedKind<DesiredState, AlarmStore, DesiredAlarm, ActualAlarm> {
    private static final Differ<DesiredAlarm, ActualAlarm> DIFFER = new Differ<>() {
        @Override
        public Diff between(ActualAlarm actual, DesiredAlarm desired) {
            return new Diff(AlarmDiff.between(actual.spec(), desired.spec()), null);
        }

        @Override
        public String created(DesiredAlarm desired) {
            return AlarmSummary.describe(desired.spec()) + " " + desired.severity();
        }
    };

    private final AlarmNaming naming;

    public AlarmKind(AlarmNaming naming) {
        this.naming = naming;
    }

    @Override
    public String id() {
        return "alarm";
    }

    @Override
    public Wants<DesiredAlarm> want(DesiredState region) {
        return new Wants<>(region.alarms().stream()
                .map(a -> new Wanted<>(a.name(), a.owner().ref(), a.owner().node(), a.owner().rule(), a)).toList(), List.of());
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
