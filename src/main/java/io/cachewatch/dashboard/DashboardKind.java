package io.cachewatch.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.inventory.Cluster;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * CloudWatch dashboards as a managed kind. Dashboards are global: one store for the run, one ListDashboards walk, then
 * per region the names under the region's prefix. CloudWatch lists no bodies, so each one costs a GetDashboard: the
 * body is both compared and where the ownership mark ({@link DashboardMark}) is read.
 */
public final class DashboardKind implements ManagedKind<DesiredState, DashboardStore, DesiredDashboard, ObjectNode> {
    /** The {@code kind} of its changes. */
    public static final String ID = "dashboard";

    private static final Differ<DesiredDashboard, ObjectNode> DIFFER = new Differ<>() {
        @Override
        public Diff between(ObjectNode actual, DesiredDashboard desired) {
            return DashboardJson.same(actual, desired.body()) ? Diff.NONE
                    : new Diff(List.of(), DashboardJson.diff(actual, desired.body()).summary());
        }

        @Override
        public String created(DesiredDashboard desired) {
            DashboardJson.Counts counts = DashboardJson.count(desired.body());
            return counts.widgets() + " widgets, " + counts.metrics() + " metrics, template " + desired.template();
        }
    };

    private final DashboardRenderer renderer;
    private final DashboardNaming naming;

    public DashboardKind(DashboardRenderer renderer, DashboardNaming naming) {
        this.renderer = renderer;
        this.naming = naming;
    }

    @Override
    public String id() {
        return ID;
    }

    /** One store for every region. */
    @Override
    public String storeKey(String region) {
        return "global";
    }

    /**
     * The region's rendered dashboards; a cluster whose dashboard cannot be rendered is a problem cluster. While the
     * region has a problem cluster its overview is left as it is too: rendered now, it would drop the problem
     * cluster's alarms, which still exist, from the region's alarm list.
     */
    @Override
    public Wants<DesiredDashboard> want(DesiredState region) {
        RenderedRegion rendered = renderer.forRegion(region.inventory(), region);
        boolean problems = !region.heldClusters().isEmpty() || rendered.problems().stream().anyMatch(p -> !p.ref().fleet());
        return new Wants<>(rendered.dashboards().stream().map(d -> new Wanted<>(d.name(), d.owner(), null, null, d)).toList(),
                rendered.problems(), problems ? Set.of(ClusterRef.ofFleet(region.region())) : Set.of());
    }

    /** One ListDashboards walk for the run, then a GetDashboard per dashboard under each region's prefix. */
    @Override
    public Map<String, List<Found<ObjectNode>>> read(List<DesiredState> regions, Function<String, DashboardStore> stores,
                                                      List<ClusterProblem> failures) {
        if (regions.isEmpty()) {
            return Map.of();
        }
        DashboardStore store = stores.apply(regions.get(0).region());
        List<String> existing;
        try {
            existing = store.listManaged(naming.prefix());
        } catch (RuntimeException e) {
            failures.add(new ClusterProblem(null, null, "cannot list managed dashboards: " + e.getMessage()));
            return Map.of();
        }
        return Found.byRegion(regions, plural(), failures, state -> {
            List<Found<ObjectNode>> mine = new ArrayList<>();
            for (String name : existing.stream().filter(n -> n.startsWith(naming.regionPrefix(state.region()))).sorted().toList()) {
                store.body(name).ifPresent(body -> mine.add(found(name, body, state)));
            }
            return mine;
        });
    }

    @Override
    public Differ<DesiredDashboard, ObjectNode> differ() {
        return DIFFER;
    }

    /**
     * A stored dashboard with whose it is: its mark, when it names this very dashboard; without a mark, a dashboard
     * made before marks existed is recognised by its name only when that is the name cachewatch gives (or gave) a
     * cluster of this inventory, or the region's overview. Anything else is not cachewatch's.
     */
    private Found<ObjectNode> found(String name, String stored, DesiredState state) {
        Optional<ObjectNode> body = DashboardJson.parseLenient(stored);
        if (body.isEmpty()) {
            return new Found<>(name, new Ownership.NotOurs("its body is not a dashboard cachewatch made"), null);
        }
        Optional<DashboardMark.Mark> mark = DashboardMark.read(body.get());
        if (mark.isPresent()) {
            DashboardMark.Mark m = mark.get();
            return new Found<>(name, m.dashboard().equals(name) ? new Ownership.Ours(m.region(), m.owner(), null, null)
                    : new Ownership.NotOurs("its ownership mark was made for dashboard " + m.dashboard() + " (a copy)"), body.get());
        }
        return new Found<>(name, formerOwner(name, state)
                .<Ownership>map(owner -> new Ownership.Ours(state.region(), owner, null, null))
                .orElse(new Ownership.NotOurs("its body carries no cachewatch ownership mark")), body.get());
    }

    private Optional<ClusterRef> formerOwner(String name, DesiredState state) {
        String base = name.replaceFirst("--page-\\d+$", "");
        if (base.equals(naming.fleet(state.region()))) {
            return Optional.of(ClusterRef.ofFleet(state.region()));
        }
        // a standalone cache cluster's former name is a replication group's name: the group wins, being named so still
        ClusterRef former = null;
        for (Cluster cluster : state.inventory().clusters()) {
            if (base.equals(naming.cluster(cluster, 1))) {
                return Optional.of(cluster.ref());
            }
            if (base.equals(naming.formerCluster(cluster))) {
                former = cluster.ref();
            }
        }
        return Optional.ofNullable(former);
    }

    @Override
    public Applier.Writes<DesiredDashboard> writes(DashboardStore store) {
        return Applier.Writes.of(change -> store.put(change.name(), DashboardJson.write(change.desired().body())), store::delete);
    }
}
