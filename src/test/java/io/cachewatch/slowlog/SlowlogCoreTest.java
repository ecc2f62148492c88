package io.cachewatch.slowlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlowlogCoreTest {
    static final SlowlogCluster ORDERS = new SlowlogCluster("us-east-1", "orders", "redis", "elasticache");

    static SlowlogEntry entry(long id, long micros, String client, String... args) {
        return new SlowlogEntry(id, 1_700_000_000L + id, micros, List.of(args), "10.0.0.5:5" + id, client);
    }

    @Test
    void parsesEntriesPositionallyAndToleratesOldAndNewShapes() {
        SlowlogEntry redis810 = SlowlogEntry.fromReply(List.of(7L, "1700000000", 1500L, List.of("GET", "k"), "10.0.0.1:6000", "web", 2L));
        assertThat(redis810).isEqualTo(new SlowlogEntry(7, 1_700_000_000L, 1500, List.of("GET", "k"), "10.0.0.1:6000", "web"));
        SlowlogEntry redis3 = SlowlogEntry.fromReply(List.of(1L, 2L, 3L, List.of("PING")));
        assertThat(redis3.clientAddress()).isEmpty();
        assertThat(redis3.clientHost()).isEmpty();
        assertThatThrownBy(() -> SlowlogEntry.fromReply(List.of(1L, 2L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cursorReportsOnlyNewEntriesCountsLostOnesAndDetectsRestarts() {
        NodeCursor.Advance first = NodeCursor.advance(null, "run-a", 4, List.of(entry(4, 1, ""), entry(3, 1, "")));
        assertThat(first.newEntries()).extracting(SlowlogEntry::id).containsExactly(3L, 4L);
        assertThat(first.lost()).as("nothing promised before the first read").isZero();
        assertThat(NodeCursor.fetchCount(first.next(), "run-a", 4, 1024)).as("idle: one round trip").isZero();
        assertThat(NodeCursor.fetchCount(first.next(), "run-a", 10, 1024)).isEqualTo(6 + NodeCursor.FETCH_MARGIN);

        // ids 5..10 logged, only 8..10 still in the log (slowlog-max-len 3)
        NodeCursor.Advance gap = NodeCursor.advance(first.next(), "run-a", 10, List.of(entry(10, 1, ""), entry(9, 1, ""), entry(8, 1, ""), entry(4, 1, "")));
        assertThat(gap.newEntries()).extracting(SlowlogEntry::id).containsExactly(8L, 9L, 10L);
        assertThat(gap.lost()).isEqualTo(3);
        assertThat(gap.restarted()).isFalse();

        // restarted: a new run id, even though the ids went past the old cursor
        NodeCursor.Advance restart = NodeCursor.advance(gap.next(), "run-b", 12, List.of(entry(12, 1, ""), entry(11, 1, "")));
        assertThat(restart.restarted()).isTrue();
        assertThat(restart.newEntries()).extracting(SlowlogEntry::id).containsExactly(11L, 12L);
        assertThat(restart.lost()).isEqualTo(11);
        // restarted without run ids: the ids went backwards
        NodeCursor.Advance backwards = NodeCursor.advance(new NodeCursor(50, null), null, 1, List.of(entry(1, 1, ""), entry(0, 1, "")));
        assertThat(backwards.restarted()).isTrue();
        assertThat(backwards.newEntries()).hasSize(2);
        assertThat(backwards.lost()).isZero();
        // SLOWLOG RESET empties the log without resetting ids: nothing new, cursor kept
        NodeCursor.Advance reset = NodeCursor.advance(new NodeCursor(50, "r"), "r", -1, List.of());
        assertThat(reset.next()).isEqualTo(new NodeCursor(50, "r"));
        assertThat(NodeCursor.fetchCount(new NodeCursor(50, "r"), "r", -1, 1024)).isZero();
    }

    @Test
    void theCollectorsOwnLastCommandWipedByAResetIsNotALoss() {
        java.util.function.Predicate<SlowlogEntry> own = e -> e.clientName().equals("me");
        // read 1: the probe's INFO (id 5) is the newest; the fetch returned the probe's SLOWLOG GET 1 (id 6) too
        NodeCursor.Advance first = NodeCursor.advance(null, "r", 5, List.of(entry(6, 1, "me", "SLOWLOG", "GET", "1"),
                entry(5, 1, "me", "INFO", "server"), entry(4, 1, "app", "GET", "k")), own);
        assertThat(first.next()).isEqualTo(new NodeCursor(6, "r", true));
        // the fetch's own SLOWLOG GET (7) was logged after the read; SLOWLOG RESET (8) wiped it; then 9 (app), 10 (probe)
        NodeCursor.Advance afterReset = NodeCursor.advance(first.next(), "r", 10, List.of(entry(11, 1, "me", "SLOWLOG", "GET", "1"),
                entry(10, 1, "me", "INFO", "server"), entry(9, 1, "app", "GET", "k"), entry(8, 1, "ops", "SLOWLOG", "RESET")), own);
        assertThat(afterReset.lost()).isZero();
        // without a reset the collector's last command is there: nothing to discount, a real gap still counts
        NodeCursor.Advance gap = NodeCursor.advance(afterReset.next(), "r", 16, List.of(entry(16, 1, "me", "INFO", "server"),
                entry(15, 1, "app", "GET", "k"), entry(12, 1, "me", "SLOWLOG", "GET", "40")), own);
        assertThat(gap.lost()).as("13 and 14").isEqualTo(2);
        // a node that does not log the collector's commands: every missing id is lost
        assertThat(NodeCursor.advance(new NodeCursor(6, "r", false), "r", 10, List.of(entry(10, 1, "app", "GET", "k")), own).lost())
                .isEqualTo(3);
    }

    @Test
    void keyPatternsCollapseIdsAndNeverKeepValues() {
        assertThat(KeyPattern.of("user:42:session")).isEqualTo("user:{n}:session");
        assertThat(KeyPattern.of("order:3f2a9c1e-8b7d-4c6e-9f01-23456789abcd")).isEqualTo("order:{uuid}");
        assertThat(KeyPattern.of("cart:9f86d081884c7d65:items")).isEqualTo("cart:{hex}:items");
        assertThat(KeyPattern.of("user:jane.doe@example.com:prefs")).isEqualTo("user:{email}:prefs");
        assertThat(KeyPattern.of("deadbeef")).as("all letters: a word, not an id").isEqualTo("deadbeef");
        assertThat(KeyPattern.of("session:*")).isEqualTo("session:*");
        assertThat(KeyPattern.of("blob:12...(300 more bytes)")).isEqualTo("blob:{n}…");
        // Redis 7.0.15's slowlog.c marker, as a real server writes it (SLOWLOG GET of a 200-byte key)
        assertThat(KeyPattern.of("user:42:" + "k".repeat(120) + "... (72 more bytes)")).isEqualTo("user:{n}:" + "k".repeat(120) + "…")
                .doesNotContain("more bytes");
        assertThat(CommandShape.of(List.of("SET", "user:42:session", "s3cret")).label()).isEqualTo("SET user:{n}:session");
        assertThat(CommandShape.of(List.of("MSET", "a:1", "v1", "b:2", "v2")).label()).isEqualTo("MSET a:{n} b:{n}");
        assertThat(CommandShape.of(List.of("EVAL", "return redis.call('get', KEYS[1])", "1", "lock:7", "argv-secret")).label())
                .isEqualTo("EVAL lock:{n}");
        assertThat(CommandShape.of(List.of("ECHO", "hello-secret")).label()).isEqualTo("ECHO");
        assertThat(CommandShape.of(List.of("client", "list")).label()).isEqualTo("CLIENT LIST");
        assertThat(CommandShape.of(List.of("DEL", "a:1", "a:2", "b:3", "c:4", "d:5")).label()).isEqualTo("DEL a:{n} b:{n} c:{n} …");
        assertThat(CommandShape.of(List.of("MGET", "k:1", "... (40 more arguments)")).label()).isEqualTo("MGET k:{n}");
    }

    @Test
    void classifiesCommandsToAvoidAndSetsSeverityByThresholds() {
        assertThat(FindingKind.classify(List.of("keys", "*"), 10, 50_000)).isEqualTo(FindingKind.KEYS);
        assertThat(FindingKind.classify(List.of("FLUSHDB"), 10, 50_000)).isEqualTo(FindingKind.FLUSH);
        assertThat(FindingKind.classify(List.of("SAVE"), 10, 50_000)).isEqualTo(FindingKind.SAVE);
        assertThat(FindingKind.classify(List.of("DEBUG", "SLEEP", "1"), 10, 50_000)).isEqualTo(FindingKind.DEBUG);
        assertThat(FindingKind.classify(List.of("HGETALL", "h"), 10, 50_000)).isEqualTo(FindingKind.FULL_READ);
        assertThat(FindingKind.classify(List.of("LRANGE", "l", "0", "-1"), 10, 50_000)).isEqualTo(FindingKind.FULL_READ);
        assertThat(FindingKind.classify(List.of("LRANGE", "l", "0", "99"), 10, 50_000)).isEqualTo(FindingKind.SLOW);
        assertThat(FindingKind.classify(List.of("ZRANGE", "z", "0", "-1"), 10, 50_000)).isEqualTo(FindingKind.FULL_READ);
        assertThat(FindingKind.classify(List.of("EVAL", "s", "0"), 60_000, 50_000)).isEqualTo(FindingKind.SCRIPT);
        assertThat(FindingKind.classify(List.of("FCALL", "f", "0"), 10, 50_000)).isEqualTo(FindingKind.SLOW);
        SlowlogPolicy policy = SlowlogPolicy.defaults();
        assertThat(policy.severityOf(FindingKind.SLOW, 50_000)).isEqualTo(Severity.INFO);
        assertThat(policy.severityOf(FindingKind.SLOW, 100_000)).isEqualTo(Severity.WARNING);
        assertThat(policy.severityOf(FindingKind.SLOW, 1_000_000)).isEqualTo(Severity.CRITICAL);
        assertThat(policy.severityOf(FindingKind.KEYS, 5)).isEqualTo(Severity.WARNING);
        assertThatThrownBy(() -> new SlowlogPolicy(2, 1, 1, 5, Set.of(), Duration.ZERO, 2, "x", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aggregatesPerClusterAndKindIgnoringItsOwnCommands() {
        SlowlogAnalyzer analyzer = new SlowlogAnalyzer(SlowlogPolicy.defaults());
        List<Finding> findings = analyzer.analyze(ORDERS, List.of(
                new NodeEntries("orders-001", List.of(entry(1, 2_000, "web", "GET", "user:1:s"), entry(2, 4_000, "web", "GET", "user:2:s"),
                        entry(3, 150_000, "batch", "KEYS", "user:*"), entry(4, 9, SlowlogPolicy.OWN_CLIENT_NAME, "SLOWLOG", "GET", "1"),
                        entry(5, 9, "", "REPLCONF", "ACK", "1")), 0),
                new NodeEntries("orders-002", List.of(entry(1, 6_000, "web", "GET", "user:3:s")), 2)));
        assertThat(findings).extracting(f -> f.kind().id()).containsExactly("keys", "lost", "slow");
        Finding slow = findings.get(2);
        assertThat(slow.count()).isEqualTo(3);
        assertThat(slow.max()).isEqualTo(6_000);
        assertThat(slow.p50()).isEqualTo(4_000);
        assertThat(slow.p99()).isEqualTo(6_000);
        assertThat(slow.topPatterns()).singleElement().satisfies(p -> {
            assertThat(p.label()).isEqualTo("GET user:{n}:s");
            assertThat(p.count()).isEqualTo(3);
            assertThat(p.rawExample()).isNull();
        });
        assertThat(slow.topClients()).extracting(Finding.ClientStat::label).containsExactly("web @ 10.0.0.5");
        assertThat(slow.nodes()).containsExactly("orders-001", "orders-002");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(findings.get(1).lost()).isEqualTo(2);
        assertThat(analyzer.analyze(ORDERS, List.of(new NodeEntries("orders-001", List.of(entry(1, 2_000, "web", "GET", "user:1:s"), entry(2, 4_000, "web", "GET", "user:2:s")), 0)))
                .get(0).fingerprint()).as("deterministic").isEqualTo(analyzer.analyze(ORDERS, List.of(new NodeEntries("orders-001",
                        List.of(entry(2, 4_000, "web", "GET", "user:2:s"), entry(1, 2_000, "web", "GET", "user:1:s")), 0))).get(0).fingerprint());
        SlowlogPolicy raw = new SlowlogPolicy(100_000, 1_000_000, 50_000, 5, Set.of("orders"), Duration.ofHours(1), 2, "x", Set.of());
        assertThat(new SlowlogAnalyzer(raw).analyze(ORDERS, List.of(new NodeEntries("n", List.of(entry(1, 5, "", "SET", "k:1", "v")), 0)))
                .get(0).topPatterns().get(0).rawExample()).isEqualTo("SET k:1 v");
    }

    @Test
    void whatItsOwnConnectionSentBeforeNamingItselfIsNotReported() {
        // the client library's PING on connect is logged unnamed, from the address its named HELLO comes from
        SlowlogEntry ping = new SlowlogEntry(7, 1_700_000_007L, 3, List.of("PING"), "10.0.0.9:40001", "");
        SlowlogEntry hello = new SlowlogEntry(8, 1_700_000_008L, 9, List.of("HELLO", "2", "SETNAME", SlowlogPolicy.OWN_CLIENT_NAME),
                "10.0.0.9:40001", SlowlogPolicy.OWN_CLIENT_NAME);
        SlowlogEntry appPing = new SlowlogEntry(9, 1_700_000_009L, 5, List.of("PING"), "10.0.0.5:40002", "");
        SlowlogAnalyzer analyzer = new SlowlogAnalyzer(SlowlogPolicy.defaults());
        List<NodeEntries> window = List.of(new NodeEntries("orders-001", List.of(ping, hello, appPing), 0));
        assertThat(analyzer.analyze(ORDERS, window)).singleElement().satisfies(f -> {
            assertThat(f.count()).as("the application's PING only").isEqualTo(1);
            assertThat(f.topClients()).extracting(Finding.ClientStat::host).containsExactly("10.0.0.5");
        });
        assertThat(analyzer.activity(ORDERS, window).slowCommands()).isEqualTo(1);
    }

    @Test
    void suppressesRepeatsWithinTheWindowUnlessWorse() {
        SlowlogAnalyzer analyzer = new SlowlogAnalyzer(SlowlogPolicy.defaults());
        Finding keys = analyzer.analyze(ORDERS, List.of(new NodeEntries("n", List.of(entry(1, 150_000, "", "KEYS", "a:*")), 0))).get(0);
        Finding worse = analyzer.analyze(ORDERS, List.of(new NodeEntries("n", List.of(entry(2, 1_500_000, "", "KEYS", "a:*")), 0))).get(0);
        Finding other = analyzer.analyze(ORDERS, List.of(new NodeEntries("n", List.of(entry(3, 150_000, "", "KEYS", "b:*")), 0))).get(0);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Suppression s = new Suppression(Duration.ofHours(1), 2.0, Map.of());
        assertThat(s.suppressed(keys, t0)).isFalse();
        s.sent(keys, t0);
        assertThat(s.suppressed(keys, t0.plusSeconds(60))).isTrue();
        assertThat(s.suppressed(worse, t0.plusSeconds(60))).isFalse();
        assertThat(s.suppressed(other, t0.plusSeconds(60))).isFalse();
        assertThat(s.suppressed(keys, t0.plus(Duration.ofHours(2)))).isFalse();
        assertThat(s.state(t0.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(new Suppression(Duration.ofHours(1), 2.0, s.state(t0)).suppressed(keys, t0.plusSeconds(1))).as("state survives").isTrue();
    }
}
