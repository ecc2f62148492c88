package io.cachewatch.slowlog;

import static io.cachewatch.slowlog.SlowlogCoreTest.ORDERS;
import static io.cachewatch.slowlog.SlowlogCoreTest.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.notify.ChatbotMessages;
import io.cachewatch.notify.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** COMMANDLOG's replies, cursors per log type, and large requests and replies as findings, metrics and messages. */
class CommandlogCoreTest {
    private static final String SECRET = "card-4111111111111111";
    private static final LogReply.Source LARGE_REPLY = LogReply.Source.COMMANDLOG_LARGE_REPLY;

    @Test
    void aCommandlogReplyIsItsEntriesNewestFirstWithNumbersAsNumbersOrText() {
        List<SlowlogEntry> entries = LogReply.entries("catalog-001", LARGE_REPLY, List.of(
                List.of(8L, 1_700_000_100L, 2_097_152L, List.of("HGETALL", "cart:42"), "10.0.0.7:50000", "web"),
                List.of("7", "1700000000", "1048600", List.of("GET", "blob:9"), "10.0.0.8:50001", "")));
        assertThat(entries).containsExactly(
                new SlowlogEntry(8, 1_700_000_100L, 2_097_152, List.of("HGETALL", "cart:42"), "10.0.0.7:50000", "web"),
                new SlowlogEntry(7, 1_700_000_000L, 1_048_600, List.of("GET", "blob:9"), "10.0.0.8:50001", ""));
        assertThat(LogReply.entries("catalog-001", LARGE_REPLY, List.of())).isEmpty();
    }

    @Test
    void aMalformedReplyNamesTheNodeTheCommandTheEntryAndTheField() {
        List<Object> good = List.of(1L, 2L, 3L, List.of("GET", "k"), "10.0.0.1:1", "web");
        assertThatThrownBy(() -> LogReply.entries("catalog-001", LARGE_REPLY, "OK"))
                .isInstanceOf(LogReply.MalformedReplyException.class)
                .hasMessage("node catalog-001: malformed COMMANDLOG GET large-reply reply: the reply is \"OK\", not an array of entries");
        assertThatThrownBy(() -> LogReply.entries("catalog-001", LARGE_REPLY, List.of(good, 5L)))
                .hasMessage("node catalog-001: malformed COMMANDLOG GET large-reply reply: entry 2 is \"5\", not an array");
        assertThatThrownBy(() -> LogReply.entries("catalog-002", LogReply.Source.COMMANDLOG_LARGE_REQUEST,
                List.of(List.of(1L, 2L, 3L, List.of("SET", "k", SECRET)))))
                .hasMessage("node catalog-002: malformed COMMANDLOG GET large-request reply: entry 1 has 4 fields, expected 6"
                        + " (id, time, value, arguments, client address, client name)");
        assertThatThrownBy(() -> LogReply.entries("catalog-001", LogReply.Source.COMMANDLOG_SLOW,
                List.of(List.of(1L, 2L, "fast", List.of("GET", "k"), "a", "b"))))
                .hasMessage("node catalog-001: malformed COMMANDLOG GET slow reply: entry 1: field 'value' is \"fast\", not a number");
        assertThatThrownBy(() -> LogReply.entries("catalog-001", LARGE_REPLY, List.of(List.of(-1L, 2L, 3L, List.of(), "a", "b"))))
                .hasMessage("node catalog-001: malformed COMMANDLOG GET large-reply reply: entry 1: field 'id' is negative (-1)");
        assertThatThrownBy(() -> LogReply.entries("catalog-001", LARGE_REPLY, List.of(List.of(1L, 2L, 3L, SECRET, "a", "b"))))
                .hasMessage("node catalog-001: malformed COMMANDLOG GET large-reply reply: entry 1: field 'arguments' is \"" + SECRET
                        + "\", not an array");
        assertThatThrownBy(() -> LogReply.entries("catalog-001", LARGE_REPLY, List.of(List.of(1L, 2L, 3L, List.of("GET"), "a", List.of("x")))))
                .hasMessage("node catalog-001: malformed COMMANDLOG GET large-reply reply: entry 1: field 'client name' is an array of 1, not a string");
        // the arguments are never quoted in an error: they hold values
        assertThatThrownBy(() -> LogReply.entries("catalog-001", LARGE_REPLY, List.of(List.of(1L, "x", 3L, List.of("SET", "k", SECRET), "a", "b"))))
                .message().doesNotContain(SECRET).contains("field 'time'");
        // SLOWLOG before Redis 4.0 has no client fields
        assertThat(LogReply.entries("old", LogReply.Source.SLOWLOG, List.of(List.of(1L, 2L, 3L, List.of("PING"))))).hasSize(1);
    }

    @Test
    void cursorsAreKeptPerLogTypeAndAKeyFromBeforeLogTypesIsTheSlowLogs() {
        NodeCursor kept = new NodeCursor(41, "run-a");
        SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of("us-east-1/elasticache/orders|orders-001", kept));
        assertThat(poll.cursor(ORDERS, "orders-001", LogType.SLOW)).isEqualTo(kept);
        assertThat(poll.cursor(ORDERS, "orders-001", LogType.LARGE_REPLY)).isNull();
        assertThat(poll.cursors()).containsOnlyKeys("us-east-1/elasticache/orders|orders-001|slow");
        assertThat(SlowlogPoll.cursorKey(ORDERS, "orders-001", LogType.LARGE_REQUEST)).isEqualTo("us-east-1/elasticache/orders|orders-001|large-request");

        // the same ids in two logs are two different entries
        SlowlogPoll.Outcome outcome = poll.process(List.of(new ClusterRead(ORDERS, List.of(
                new NodeRead("orders-001", "run-a", 42, List.of(entry(42, 500, "web", "GET", "a")), LogType.SLOW),
                new NodeRead("orders-001", "run-a", 42, List.of(entry(42, 2_000_000, "web", "SET", "a", SECRET)), LogType.LARGE_REQUEST),
                new NodeRead("orders-001", "run-a", -1, List.of(), LogType.LARGE_REPLY)), List.of())),
                new Suppression(Duration.ZERO, 2, Map.of()), Instant.now());
        assertThat(outcome.nodesRead()).isEqualTo(1);
        assertThat(outcome.entriesByLog()).containsEntry(LogType.SLOW, 1).containsEntry(LogType.LARGE_REQUEST, 1).containsEntry(LogType.LARGE_REPLY, 0);
        assertThat(poll.cursor(ORDERS, "orders-001", LogType.LARGE_REQUEST).lastId()).isEqualTo(42);
        assertThat(poll.cursor(ORDERS, "orders-001", LogType.LARGE_REPLY).lastId()).isEqualTo(-1);
        // a first read of a log is no loss, ids before it were never this cursor's
        assertThat(outcome.findings()).extracting(Finding::kind).containsExactlyInAnyOrder(FindingKind.LARGE_REQUEST, FindingKind.SLOW);
    }

    @Test
    void largeRequestsAndRepliesAreFindingsBySizeWithPatternsAndClientsButNeverValues() {
        SlowlogAnalyzer analyzer = new SlowlogAnalyzer(SlowlogPolicy.defaults());
        List<Finding> findings = analyzer.analyze(ORDERS, List.of(
                new NodeEntries("orders-001", List.of(
                        entry(3, 5_000_000, "importer", "SET", "product:981:image", SECRET),
                        entry(4, 1_200_000, "importer", "SET", "product:982:image", SECRET),
                        entry(5, 9_000_000, SlowlogPolicy.OWN_CLIENT_NAME, "COMMANDLOG", "GET", "128", "slow")), 0, LogType.LARGE_REQUEST),
                new NodeEntries("orders-002", List.of(entry(9, 3_145_728, "web", "HGETALL", "cart:{uuid}")), 0, LogType.LARGE_REPLY)));
        assertThat(findings).extracting(Finding::kind).containsExactly(FindingKind.LARGE_REQUEST, FindingKind.LARGE_REPLY);

        Finding request = findings.get(0);
        // 5,000,000 bytes is not "5 s": sizes do not meet the µs thresholds, the kind decides
        assertThat(request.severity()).isEqualTo(Severity.WARNING);
        assertThat(request.count()).isEqualTo(2);
        assertThat(request.max()).isEqualTo(5_000_000);
        assertThat(request.headline()).isEqualTo("orders: 2 × large requests (max 4.77 MiB)");
        assertThat(request.topPatterns()).singleElement().satisfies(p -> {
            assertThat(p.label()).isEqualTo("SET product:{n}:image");
            assertThat(p.count()).isEqualTo(2);
            assertThat(request.format(p.max())).isEqualTo("4.77 MiB");
        });
        assertThat(request.topClients()).extracting(Finding.ClientStat::label).containsExactly("importer @ 10.0.0.5");
        Finding reply = findings.get(1);
        assertThat(reply.headline()).isEqualTo("orders: 1 × large replies (max 3.00 MiB)");
        assertThat(reply.nodes()).containsExactly("orders-002");
        assertThat(findings.toString()).doesNotContain(SECRET);

        Notification message = ChatbotMessages.of(request);
        assertThat(message.attributes()).containsEntry("kind", "large-request").containsEntry("severity", "warning");
        assertThat(message.body()).contains("*2* large requests on redis cluster `orders`", "Max 4.77 MiB, p50 1.14 MiB",
                "| `SET product:{n}:image` | 2 | 4.77 MiB |", "commandlog-request-larger-than", "cachewatch.slowlog.large-request")
                .doesNotContain(SECRET).doesNotContain(" ms");
        assertThat(ChatbotMessages.of(reply).body()).contains("*1* command with a large reply", "`HGETALL cart:{uuid}`");
    }

    @Test
    void aRepeatedLargeReplyIsSuppressedUnlessItGrewByTheWorseFactor() {
        SlowlogAnalyzer analyzer = new SlowlogAnalyzer(SlowlogPolicy.defaults());
        Suppression suppression = new Suppression(Duration.ofHours(1), 2.0, Map.of());
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        Finding first = analyzer.analyze(ORDERS, List.of(new NodeEntries("n1", List.of(entry(1, 2_000_000, "web", "GET", "blob:1")), 0, LogType.LARGE_REPLY))).get(0);
        suppression.sent(first, now);
        Finding same = analyzer.analyze(ORDERS, List.of(new NodeEntries("n1", List.of(entry(2, 3_000_000, "web", "GET", "blob:2")), 0, LogType.LARGE_REPLY))).get(0);
        Finding bigger = analyzer.analyze(ORDERS, List.of(new NodeEntries("n1", List.of(entry(3, 4_500_000, "web", "GET", "blob:3")), 0, LogType.LARGE_REPLY))).get(0);
        assertThat(suppression.suppressed(same, now.plusSeconds(60))).isTrue();
        assertThat(suppression.suppressed(bigger, now.plusSeconds(60))).isFalse();
    }

    @Test
    void sizeLogsGetTheirOwnMetricsWithALogTypeDimensionOnlyWhereTheyWereRead() {
        SlowlogAnalyzer analyzer = new SlowlogAnalyzer(SlowlogPolicy.defaults());
        ClusterActivity activity = analyzer.activity(ORDERS, List.of(
                new NodeEntries("orders-001", List.of(entry(1, 2_000, "web", "GET", "a")), 0, LogType.SLOW),
                new NodeEntries("orders-001", List.of(), 0, LogType.LARGE_REQUEST),
                new NodeEntries("orders-001", List.of(entry(7, 2_000_000, "web", "GET", "a"),
                        entry(8, 9_000_000, SlowlogPolicy.OWN_CLIENT_NAME, "COMMANDLOG", "GET", "1", "slow")), 2, LogType.LARGE_REPLY)));
        assertThat(activity).isEqualTo(new ClusterActivity(ORDERS, 1, 2_000, 2, List.of(
                new ClusterActivity.Large(LogType.LARGE_REQUEST, 0, 0), new ClusterActivity.Large(LogType.LARGE_REPLY, 1, 2_000_000))));
        List<String> points = new ArrayList<>();
        SlowlogMetrics.points(List.of(activity), Instant.EPOCH).forEach(p -> points.add(p.dimensions() + " " + p.name() + "=" + p.value() + " " + p.unit()));
        assertThat(points).containsExactly(
                "{ClusterId=orders, Kind=elasticache} SlowCommands=1.0 Count",
                "{ClusterId=orders, Kind=elasticache} MaxDuration=2000.0 Microseconds",
                "{ClusterId=orders, Kind=elasticache} LostEntries=2.0 Count",
                "{ClusterId=orders, Kind=elasticache, LogType=large-request} LargeCommands=0.0 Count",
                "{ClusterId=orders, Kind=elasticache, LogType=large-reply} LargeCommands=1.0 Count",
                "{ClusterId=orders, Kind=elasticache, LogType=large-reply} MaxSize=2000000.0 Bytes");
    }
}
