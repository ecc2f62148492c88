package io.cachewatch.console;

import static io.cachewatch.console.ConsoleFixtures.actual;
import static io.cachewatch.console.ConsoleFixtures.change;
import static io.cachewatch.console.ConsoleFixtures.desired;
import static io.cachewatch.console.ConsoleFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.dashboard.DashboardNaming;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.Action;
import io.cachewatch.plan.Change;
import io.cachewatch.plan.KindPlan;
import io.cachewatch.plan.Outcome;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.RunMode;
import io.cachewatch.slowlog.Finding;
import io.cachewatch.slowlog.FindingKind;
import io.cachewatch.slowlog.Severity;
import io.cachewatch.slowlog.SlowlogCluster;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClusterStatusesTest {
    private static final DashboardNaming NAMING = new DashboardNaming(ConsoleFixtures.PREFIX);
    private final Cluster orders = Fixtures.redisReplicationGroup("orders", 1, Map.of());
    private final Cluster ledger = Fixtures.memoryDb("orders", 1, 0); // same id, another kind: its alarms are its own
    private final Cluster cache = Fixtures.memcached("cache", 2);

    private final DesiredAlarm firing = desired(orders, "orders-001", "engine-cpu", 90);
    private final DesiredAlarm corrected = desired(orders, "orders-002", "engine-cpu", 90);
    private final DesiredAlarm failedCreate = desired(orders, "orders-001", "memory", 85);
    private final DesiredAlarm heldCreate = desired(orders, "orders-002", "memory", 85);
    private final DesiredAlarm turnedOff = desired(orders, "orders-001", "evictions", 1);
    private final DesiredAlarm ledgerAlarm = desired(ledger, "orders-0001-001", "engine-cpu", 80);

    private ClusterStatuses.Run run(List<Change<DesiredAlarm>> changes, List<Outcome> outcomes, List<ActualAlarm> listed,
                                    List<String> dashboards, List<Outcome> dashboardOutcomes) {
        Fleet fleet = new Fleet(List.of(new RegionInventory(Fixtures.REGION, List.of(orders, ledger, cache), List.of())));
        List<Outcome> all = new java.util.ArrayList<>(outcomes);
        all.addAll(dashboardOutcomes);
        ReconcileReport report = new ReconcileReport(RunMode.APPLY, List.of(new KindPlan<>("alarm", Fixtures.REGION, changes, 2, listed.size(),
                List.of(), List.of())), all, List.of(), List.of(), List.of(), new TreeMap<>());
        return new ClusterStatuses.Run("prod", fleet, report, Map.of(Fixtures.REGION, listed), dashboards, ConsoleFixtures.PREFIX, NAMING);
    }

    private ClusterStatus find(List<ClusterStatus> all, Cluster c) {
        return all.stream().filter(s -> s.id().equals(c.id()) && s.kind().equals(c.ref().kind())).findFirst().orElseThrow();
    }

    @Test
    void countsEachManagedAlarmByWhatTheRunDidAndListsTheFiringOnesWithTheirConsoleLink() {
        ActualAlarm before = actual(corrected, "OK");
        Change<DesiredAlarm> update = change(Action.UPDATE, orders, corrected.name(), corrected);
        Change<DesiredAlarm> failed = change(Action.CREATE, orders, failedCreate.name(), failedCreate);
        Change<DesiredAlarm> held = change(Action.CREATE, orders, heldCreate.name(), heldCreate);
        Change<DesiredAlarm> delete = change(Action.DELETE, orders, turnedOff.name(), null);
        List<ClusterStatus> all = ClusterStatuses.of(run(List.of(update, failed, held, delete),
                List.of(outcome(update, true), outcome(failed, false), outcome(delete, true)),
                List.of(actual(firing, "ALARM"), before, actual(turnedOff, "OK"), actual(ledgerAlarm, "ALARM")), List.of(), List.of()));

        ClusterStatus c = find(all, orders);
        assertThat(c.alarms()).isEqualTo(new AlarmCounts(4, 1, 1, 1, 1, 1));
        assertThat(c.firing()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("cachewatch-elasticache/orders/orders-001/engine-cpu");
            assertThat(a.link()).isEqualTo("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                    + "#alarmsV2:alarm/cachewatch-elasticache%2Forders%2Forders-001%2Fengine-cpu");
            assertThat(a.node()).isEqualTo("orders-001");
            assertThat(a.rule()).isEqualTo("engine-cpu");
            assertThat(a.threshold()).isEqualTo(90.0);
            assertThat(a.condition()).isEqualTo("EngineCPUUtilization Average > 90 for 3 of 5 × 60 s");
        });
        assertThat(c.alarmList()).extracting(AlarmView::name).first().isEqualTo(firing.name()); // firing first
        assertThat(c.alarmList()).extracting(AlarmView::name).doesNotContain(turnedOff.name());
        assertThat(c.alarmList()).filteredOn(a -> a.name().equals(failedCreate.name()))
                .singleElement().satisfies(a -> {
                    assertThat(a.sync()).isEqualTo(AlarmView.Sync.FAILED);
                    assertThat(a.state()).as("never read from CloudWatch: unknown, not OK").isNull();
                });
        assertThat(c.alarmList()).filteredOn(a -> a.name().equals(heldCreate.name())).extracting(AlarmView::sync)
                .containsExactly(AlarmView.Sync.DRIFTED);
        assertThat(c.profile()).isEqualTo("production");
        assertThat(c.nodeCount()).isEqualTo(2);
        assertThat(c.nodes()).extracting(NodeView::cacheClusterId, NodeView::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("orders-001", "primary"), org.assertj.core.groups.Tuple.tuple("orders-002", "replica"));
        assertThat(c.engine()).isEqualTo("redis");
        assertThat(c.engineVersion()).isEqualTo("7.1.0");

        ClusterStatus memorydb = find(all, ledger);
        assertThat(memorydb.alarms()).isEqualTo(new AlarmCounts(1, 1, 0, 0, 0, 1));
        assertThat(find(all, cache).alarms()).isEqualTo(new AlarmCounts(0, 0, 0, 0, 0, 0));
        assertThat(find(all, cache).profile()).as("no alarm names one").isNull();
        assertThat(find(all, cache).kind()).as("a standalone cache cluster, as findings key it").isEqualTo("cachecluster");
    }

    @Test
    void linksTheDashboardThatWasListedOrCreatedAndNoneThatWasDeletedOrNeverMade() {
        String ordersBoard = NAMING.cluster(orders, 1);
        String ledgerBoard = NAMING.cluster(ledger, 1);
        Change<Object> created = new Change<>(Action.CREATE, "dashboard", Fixtures.REGION, ledgerBoard, ledger.ref(), null, null, List.of(), "new", null);
        List<ClusterStatus> all = ClusterStatuses.of(run(List.of(), List.of(), List.of(), List.of(ordersBoard, NAMING.cluster(cache, 1)),
                List.of(Outcome.ok(created), Outcome.ok(new Change<>(Action.DELETE, "dashboard", Fixtures.REGION, NAMING.cluster(cache, 1),
                        cache.ref(), null, null, List.of(), "gone", null)))));

        assertThat(find(all, orders).dashboard()).isEqualTo(ordersBoard);
        assertThat(find(all, orders).dashboardLink()).endsWith("#dashboards/dashboard/" + ordersBoard);
        assertThat(find(all, ledger).dashboard()).isEqualTo(ledgerBoard);
        assertThat(find(all, cache).dashboard()).isNull();
        assertThat(find(all, cache).dashboardLink()).isNull();
    }

    @Test
    void aRunThatCouldNotPlanStillShowsEveryClusterWithTheAlarmsItListed() {
        Fleet fleet = new Fleet(List.of(new RegionInventory(Fixtures.REGION, List.of(orders), List.of())));
        List<ClusterStatus> all = ClusterStatuses.of(new ClusterStatuses.Run("prod", fleet, null,
                Map.of(Fixtures.REGION, List.of(actual(firing, "ALARM"))), List.of(), ConsoleFixtures.PREFIX, NAMING));
        assertThat(all).singleElement().satisfies(c -> assertThat(c.alarms()).isEqualTo(new AlarmCounts(1, 1, 0, 0, 0, 1)));
    }

    @Test
    void findingsCarryTheirAdvicePatternsAndFiguresByClusterKeyMostSevereFirst() {
        Instant at = Instant.parse("2026-11-30T12:00:00Z");
        SlowlogCluster sc = new SlowlogCluster(Fixtures.REGION, "orders", "redis", "elasticache");
        Finding keys = new Finding(sc, FindingKind.KEYS, Severity.WARNING, 3, 1_200_000, 1_000, 1_200_000,
                List.of(new Finding.PatternStat("KEYS", "user:{n}:*", 3, 1_200_000, null)), 1, List.of(), List.of("orders-001"), 0,
                at, at, "fp1");
        Finding slow = new Finding(sc, FindingKind.SLOW, Severity.INFO, 1, 20_000, 20_000, 20_000, List.of(), 0, List.of(),
                List.of("orders-002"), 0, at, at, "fp2");
        Map<String, List<FindingView>> byCluster = ClusterStatuses.findings(List.of(slow, keys), at);

        assertThat(byCluster).containsOnlyKeys(find(ClusterStatuses.of(run(List.of(), List.of(), List.of(), List.of(), List.of())), orders).key());
        List<FindingView> views = byCluster.values().iterator().next();
        assertThat(views).extracting(FindingView::severity).containsExactly("warning", "info");
        assertThat(views.get(0).advice()).isEqualTo(FindingKind.KEYS.nextSteps());
        assertThat(views.get(0).count()).isEqualTo(3);
        assertThat(views.get(0).max()).isEqualTo("1.20 s");
        assertThat(views.get(0).patterns()).singleElement().asString().contains("user:{n}:*");
    }
}
