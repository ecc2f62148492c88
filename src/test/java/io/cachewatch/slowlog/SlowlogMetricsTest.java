package io.cachewatch.slowlog;

import static io.cachewatch.slowlog.SlowlogCoreTest.ORDERS;
import static io.cachewatch.slowlog.SlowlogCoreTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlowlogMetricsTest {
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void activityCountsWhatFindingsCountOwnAndReplicationEntriesLeftOut() {
        SlowlogAnalyzer analyzer = new SlowlogAnalyzer(SlowlogPolicy.defaults());
        ClusterActivity activity = analyzer.activity(ORDERS, List.of(
                new NodeEntries("orders-001", List.of(entry(1, 2_000, "web", "GET", "a"), entry(2, 150_000, "batch", "KEYS", "*"),
                        entry(3, 900_000, SlowlogPolicy.OWN_CLIENT_NAME, "SLOWLOG", "GET", "1"), entry(4, 800_000, "", "REPLCONF", "ACK", "1")), 0),
                new NodeEntries("orders-002", List.of(entry(1, 6_000, "web", "GET", "b")), 3)));
        assertThat(activity).isEqualTo(new ClusterActivity(ORDERS, 3, 150_000, 3));
    }

    @Test
    void everyReadClusterGetsCountsZerosIncludedButMaxDurationOnlyWithEntries() {
        SlowlogCluster ledger = new SlowlogCluster("eu-west-1", "ledger", "valkey", "memorydb");
        List<SlowlogMetrics.Point> points = SlowlogMetrics.points(List.of(
                new ClusterActivity(ORDERS, 4, 150_000, 0), new ClusterActivity(ledger, 0, 0, 0)), AT);
        assertThat(points).extracting(p -> p.region() + " " + p.dimensions() + " " + p.name() + "=" + p.value() + " " + p.unit())
                .containsExactly(
                        "us-east-1 {ClusterId=orders, Kind=elasticache} SlowCommands=4.0 Count",
                        "us-east-1 {ClusterId=orders, Kind=elasticache} MaxDuration=150000.0 Microseconds",
                        "us-east-1 {ClusterId=orders, Kind=elasticache} LostEntries=0.0 Count",
                        "eu-west-1 {ClusterId=ledger, Kind=memorydb} SlowCommands=0.0 Count",
                        "eu-west-1 {ClusterId=ledger, Kind=memorydb} LostEntries=0.0 Count");
        assertThat(points).allSatisfy(p -> assertThat(p.timestamp()).isEqualTo(AT));
        assertThat(SlowlogMetrics.NAMES).containsExactlyInAnyOrder("SlowCommands", "MaxDuration", "LostEntries");
    }

    @Test
    void callsArePerRegionAndHoldAtMostAThousandPoints() {
        List<ClusterActivity> activity = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            activity.add(new ClusterActivity(new SlowlogCluster("us-east-1", "c" + i, "redis", "elasticache"), 1, 10, 0));
        }
        activity.add(new ClusterActivity(new SlowlogCluster("eu-west-1", "ledger", "valkey", "memorydb"), 0, 0, 0));
        Map<String, List<List<SlowlogMetrics.Point>>> calls = SlowlogMetrics.calls(SlowlogMetrics.points(activity, AT));
        assertThat(calls.keySet()).containsExactly("us-east-1", "eu-west-1");
        assertThat(calls.get("us-east-1")).extracting(List::size).containsExactly(1000, 1000, 100);
        assertThat(calls.get("eu-west-1")).extracting(List::size).containsExactly(2);
        assertThat(SlowlogMetrics.calls(List.of())).isEmpty();
    }

    @Test
    void aPollReportsActivityOnlyForClustersWithANodeRead() {
        SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of());
        SlowlogCluster down = new SlowlogCluster("us-east-1", "down", "redis", "elasticache");
        SlowlogPoll.Outcome outcome = poll.process(List.of(
                new ClusterRead(ORDERS, List.of(new NodeRead("orders-001", "r", 2, List.of(entry(2, 5, "web", "GET", "k"), entry(1, 5, "web", "GET", "k")))), List.of()),
                new ClusterRead(down, List.of(), List.of(new NodeFailure("down", "-", "secret s: not found")))),
                new Suppression(java.time.Duration.ofHours(1), 2, Map.of()), AT);
        assertThat(outcome.activity()).containsExactly(new ClusterActivity(ORDERS, 2, 5, 0));
        assertThat(outcome.failures()).extracting(NodeFailure::reason).containsExactly("secret s: not found");
    }
}
