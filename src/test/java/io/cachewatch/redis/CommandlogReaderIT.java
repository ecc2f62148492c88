package io.cachewatch.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.slowlog.ClusterRead;
import io.cachewatch.slowlog.Finding;
import io.cachewatch.slowlog.FindingKind;
import io.cachewatch.slowlog.LogType;
import io.cachewatch.slowlog.NodeRead;
import io.cachewatch.slowlog.SlowlogCluster;
import io.cachewatch.slowlog.SlowlogPolicy;
import io.cachewatch.slowlog.SlowlogPoll;
import io.cachewatch.slowlog.Suppression;
import io.cachewatch.testing.RedisServers;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reader against a real valkey-server 8.1 (built by .ci/valkey): its three COMMANDLOG logs are read with a cursor
 * each, large requests and replies become findings without their values, and a node that denies COMMANDLOG is read with
 * SLOWLOG and says why; a redis-server 7 node is read with SLOWLOG alone.
 */
class CommandlogReaderIT {
    private static final String VALUE_MARK = "value-never-forwarded-";
    private static Vertx vertx;
    private RedisServers valkeys;
    private RedisSlowlogReader reader;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @BeforeEach
    void setUp() {
        valkeys = RedisServers.valkey();
        reader = new RedisSlowlogReader(vertx, new RedisSlowlogReader.Settings(Duration.ofSeconds(2), Duration.ofSeconds(3), 4, 1024, null));
    }

    @AfterEach
    void tearDown() {
        reader.close();
        valkeys.close();
    }

    private static RedisTarget target(String id, RedisServers.Server node, String user, String password) {
        return new RedisTarget(new SlowlogCluster("us-east-1", id, "valkey", "elasticache"),
                List.of(new RedisNode(node.address(), "127.0.0.1", node.port(), "unknown")), false, true, user, password);
    }

    /** A value of {@code bytes} bytes that findings must never show. */
    private static String big(int bytes) {
        return VALUE_MARK + "x".repeat(bytes - VALUE_MARK.length());
    }

    private static List<Finding> of(SlowlogPoll.Outcome outcome, FindingKind kind) {
        return outcome.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void readsTheThreeLogsWithACursorEachAndTurnsLargeRequestsAndRepliesIntoFindingsWithoutValues() {
        RedisServers.Server valkey = valkeys.start("--commandlog-request-larger-than", "4096", "--commandlog-reply-larger-than", "4096");
        valkey.cli("SET", "user:42:profile", big(20_000));
        valkey.cli("GET", "user:42:profile");
        valkey.cli("KEYS", "user:*");
        SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of());
        Suppression none = new Suppression(Duration.ZERO, 2.0, Map.of());
        RedisTarget target = target("catalog", valkey, null, null);

        List<ClusterRead> reads = reader.read(List.of(target), poll::cursor);
        assertThat(reads.get(0).failures()).isEmpty();
        assertThat(reads.get(0).fallbacks()).isEmpty();
        assertThat(reads.get(0).nodes()).extracting(NodeRead::log).containsExactly(LogType.SLOW, LogType.LARGE_REQUEST, LogType.LARGE_REPLY);
        SlowlogPoll.Outcome first = poll.process(reads, none, Instant.now());
        assertThat(first.nodesRead()).isEqualTo(1);

        Finding request = of(first, FindingKind.LARGE_REQUEST).get(0);
        assertThat(request.topPatterns()).singleElement().satisfies(p -> {
            assertThat(p.label()).isEqualTo("SET user:{n}:profile");
            assertThat(p.max()).isBetween(20_000L, 20_200L); // the request's bytes as the server counts them
        });
        assertThat(request.headline()).contains("large requests").contains("KiB");
        Finding reply = of(first, FindingKind.LARGE_REPLY).get(0);
        assertThat(reply.topPatterns()).singleElement().satisfies(p -> {
            assertThat(p.label()).isEqualTo("GET user:{n}:profile");
            assertThat(p.max()).isBetween(20_000L, 20_100L);
            assertThat(p.rawExample()).isNull();
        });
        assertThat(reply.topClients()).singleElement().satisfies(c -> assertThat(c.host()).isEqualTo("127.0.0.1"));
        assertThat(of(first, FindingKind.KEYS)).singleElement().satisfies(f -> assertThat(f.topPatterns().get(0).label()).isEqualTo("KEYS user:*"));
        assertThat(first.findings().toString()).doesNotContain(VALUE_MARK);
        assertThat(poll.cursors().keySet()).contains(
                SlowlogPoll.cursorKey(target.cluster(), valkey.address(), LogType.SLOW),
                SlowlogPoll.cursorKey(target.cluster(), valkey.address(), LogType.LARGE_REQUEST),
                SlowlogPoll.cursorKey(target.cluster(), valkey.address(), LogType.LARGE_REPLY));
        assertThat(first.activity()).singleElement().satisfies(a -> assertThat(a.large())
                .extracting(l -> l.log() + "=" + l.count()).containsExactly("LARGE_REQUEST=1", "LARGE_REPLY=1"));

        // nothing new: cachewatch's own reads (its COMMANDLOG GET replies may be large too) are never reported
        SlowlogPoll.Outcome second = poll.process(reader.read(List.of(target), poll::cursor), none, Instant.now());
        assertThat(second.findings()).isEmpty();
        assertThat(second.activity().get(0).large()).extracting(ClusterActivityLarge::of).containsExactly("LARGE_REQUEST=0", "LARGE_REPLY=0");

        // one more large reply, and only that one, is new: each log has its own cursor
        valkey.cli("GET", "user:42:profile");
        SlowlogPoll.Outcome third = poll.process(reader.read(List.of(target), poll::cursor), none, Instant.now());
        assertThat(of(third, FindingKind.LARGE_REPLY)).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(1));
        assertThat(of(third, FindingKind.LARGE_REQUEST)).isEmpty();
        assertThat(of(third, FindingKind.SLOW)).singleElement() // every command is logged as slow here (threshold 0)
                .satisfies(f -> assertThat(f.topPatterns()).extracting(Finding.PatternStat::label).containsExactly("GET user:{n}:profile"));
    }

    @Test
    void aUserDeniedCommandlogIsReadWithSlowlogAndTheReasonIsReportedEveryPoll() {
        RedisServers.Server valkey = valkeys.start();
        valkey.cli("ACL", "SETUSER", "slowlog-only", "on", ">s3cret-pass", "-@all", "+slowlog", "+ping", "+info", "+cluster|shards", "+cluster|nodes");
        valkey.cli("ACL", "SETUSER", "least-privilege", "on", ">s3cret-pass", "-@all", "+slowlog", "+commandlog|get", "+ping", "+info",
                "+cluster|shards", "+cluster|nodes");
        valkey.cli("KEYS", "order:*");
        SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of());
        Suppression none = new Suppression(Duration.ZERO, 2.0, Map.of());

        RedisTarget denied = target("denied", valkey, "slowlog-only", "s3cret-pass");
        for (int i = 0; i < 2; i++) {
            ClusterRead read = reader.read(List.of(denied), poll::cursor).get(0);
            assertThat(read.failures()).isEmpty();
            assertThat(read.nodes()).extracting(NodeRead::log).containsExactly(LogType.SLOW);
            assertThat(read.fallbacks()).singleElement().satisfies(f -> {
                assertThat(f.cluster()).isEqualTo("denied");
                assertThat(f.reason()).startsWith("read with SLOWLOG: COMMANDLOG GET failed (permission denied: NOPERM")
                        .endsWith("'commandlog|get' command)").doesNotContain("\n").doesNotContain("s3cret-pass");
            });
            SlowlogPoll.Outcome outcome = poll.process(List.of(read), none, Instant.now());
            assertThat(outcome.fallbacks()).hasSize(1);
            if (i == 0) {
                assertThat(of(outcome, FindingKind.KEYS)).hasSize(1);
            }
        }

        // the documented least-privilege user (+commandlog|get) reads all three logs (a reader of its own: connections
        // are kept per node address)
        ClusterRead allowed;
        try (RedisSlowlogReader other = new RedisSlowlogReader(vertx, new RedisSlowlogReader.Settings(Duration.ofSeconds(2), Duration.ofSeconds(3), 4, 1024, null))) {
            allowed = other.read(List.of(target("allowed", valkey, "least-privilege", "s3cret-pass")), poll::cursor).get(0);
        }
        assertThat(allowed.failures()).isEmpty();
        assertThat(allowed.fallbacks()).isEmpty();
        assertThat(allowed.nodes()).extracting(NodeRead::log).containsExactly(LogType.SLOW, LogType.LARGE_REQUEST, LogType.LARGE_REPLY);
    }

    @Test
    void aNodeWhereCommandlogIsRenamedAwayIsReadWithSlowlogAndSaysSo() {
        // ElastiCache may rename or disable commands; rename-command COMMANDLOG "" is what that looks like to a client
        RedisServers.Server valkey = valkeys.start("--rename-command", "COMMANDLOG", "");
        valkey.cli("KEYS", "renamed:*");
        SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of());
        ClusterRead read = reader.read(List.of(target("renamed", valkey, null, null)), poll::cursor).get(0);
        assertThat(read.failures()).isEmpty();
        assertThat(read.nodes()).extracting(NodeRead::log).containsExactly(LogType.SLOW);
        assertThat(read.fallbacks()).singleElement().satisfies(f ->
                assertThat(f.reason()).startsWith("read with SLOWLOG: COMMANDLOG GET failed (error: ").contains("unknown command 'commandlog'"));
        SlowlogPoll.Outcome outcome = poll.process(List.of(read), new Suppression(Duration.ZERO, 2.0, Map.of()), Instant.now());
        assertThat(of(outcome, FindingKind.KEYS)).hasSize(1);
        assertThat(outcome.activity().get(0).large()).isEmpty();
    }

    @Test
    void aRestartedNodeIsProbedAgainAndItsLogsStartOver() {
        RedisServers.Server valkey = valkeys.start("--commandlog-reply-larger-than", "1024");
        valkey.cli("SET", "cart:1", big(3000));
        valkey.cli("GET", "cart:1");
        SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of());
        Suppression none = new Suppression(Duration.ZERO, 2.0, Map.of());
        RedisTarget target = target("carts", valkey, null, null);
        assertThat(of(poll.process(reader.read(List.of(target), poll::cursor), none, Instant.now()), FindingKind.LARGE_REPLY)).hasSize(1);

        valkey.restart();
        valkey.cli("SET", "cart:2", big(3000));
        valkey.cli("GET", "cart:2");
        SlowlogPoll.Outcome after = poll.process(reader.read(List.of(target), poll::cursor), none, Instant.now());
        assertThat(after.failures()).isEmpty();
        assertThat(after.restartedNodes()).containsExactly("carts/" + valkey.address());
        assertThat(of(after, FindingKind.LARGE_REPLY)).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(1));
        assertThat(of(after, FindingKind.LOST)).isEmpty();
    }

    @Test
    void aRedis7NodeIsReadWithSlowlogAloneAndNoFallbackIsReported() {
        try (RedisServers redis = new RedisServers()) {
            RedisServers.Server node = redis.start();
            node.cli("KEYS", "legacy:*");
            SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of());
            ClusterRead read = reader.read(List.of(target("legacy", node, null, null)), poll::cursor).get(0);
            assertThat(read.failures()).isEmpty();
            assertThat(read.fallbacks()).isEmpty();
            assertThat(read.nodes()).extracting(NodeRead::log).containsExactly(LogType.SLOW);
            SlowlogPoll.Outcome outcome = poll.process(List.of(read), new Suppression(Duration.ZERO, 2.0, Map.of()), Instant.now());
            assertThat(of(outcome, FindingKind.KEYS)).hasSize(1);
            assertThat(outcome.activity().get(0).large()).isEmpty(); // unknown, not zero
        }
    }

    /** "LARGE_REPLY=3" for a size log's activity. */
    private static final class ClusterActivityLarge {
        static String of(io.cachewatch.slowlog.ClusterActivity.Large l) {
            return l.log() + "=" + l.count();
        }
    }
}
