package io.cachewatch.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.slowlog.ClusterRead;
import io.cachewatch.slowlog.Finding;
import io.cachewatch.slowlog.NodeFailure;
import io.cachewatch.slowlog.NodeRead;
import io.cachewatch.slowlog.SlowlogCluster;
import io.cachewatch.slowlog.SlowlogEntry;
import io.cachewatch.slowlog.SlowlogPolicy;
import io.cachewatch.slowlog.SlowlogPoll;
import io.cachewatch.slowlog.Suppression;
import io.cachewatch.testing.RedisServers;
import io.cachewatch.testing.ScriptedRedis;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader against real redis-server processes: replication, cluster mode (and its seed dying), TLS, ACL users,
 * restarts; and how failures are named: by the error reply's code whatever prefix the client adds, at once rather
 * than after a timeout (a scripted server stands in for proxies and nodes redis-server cannot imitate), one timeout
 * per silent node per poll.
 */
class RedisSlowlogReaderIT {
    private static Vertx vertx;
    private RedisServers servers;
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
        servers = new RedisServers();
        reader = reader(null);
    }

    @AfterEach
    void tearDown() {
        reader.close();
        servers.close();
    }

    private static RedisSlowlogReader reader(String caFile) {
        return new RedisSlowlogReader(vertx, new RedisSlowlogReader.Settings(Duration.ofSeconds(2), Duration.ofSeconds(3), 8, 1024, caFile));
    }

    private static SlowlogCluster cluster(String id) {
        return new SlowlogCluster("us-east-1", id, "redis", "elasticache");
    }

    private static RedisTarget target(String id, RedisServers.Server seed, boolean tls, String user, String password) {
        return new RedisTarget(cluster(id), List.of(new RedisNode(seed.address(), "127.0.0.1", seed.port(), "unknown")), tls, true, user, password);
    }

    private static List<String> commands(ClusterRead read) {
        return read.nodes().stream().flatMap(n -> n.entries().stream())
                .filter(e -> !e.clientName().equals(SlowlogPolicy.OWN_CLIENT_NAME)).map(e -> String.join(" ", e.args())).toList();
    }

    @Test
    void readsThePrimaryAndItsReplicaAndSendsNothingTwice() {
        RedisServers.Server primary = servers.start();
        RedisServers.Server replica = servers.start("--replicaof", "127.0.0.1", Integer.toString(primary.port()));
        primary.cli("SET", "user:42:session", "secret-value-1");
        replica.cli("GET", "user:42:session");
        // a primary pings its replicas every 10 s: not what this test is about
        SlowlogPolicy policy = new SlowlogPolicy(100_000, 1_000_000, 50_000, 5, java.util.Set.of(), Duration.ofHours(1), 2.0,
                SlowlogPolicy.OWN_CLIENT_NAME, java.util.Set.of("REPLCONF", "PSYNC", "SYNC", "PING"));
        SlowlogPoll poll = new SlowlogPoll(policy, Map.of());
        Suppression suppression = new Suppression(Duration.ofHours(1), 2.0, Map.of());

        List<ClusterRead> first = reader.read(List.of(target("orders", primary, false, null, null)), poll::cursor);
        assertThat(first.get(0).failures()).isEmpty();
        assertThat(first.get(0).nodes()).extracting(NodeRead::node).containsExactlyInAnyOrder(primary.address(), replica.address());
        SlowlogPoll.Outcome outcome = poll.process(first, suppression, Instant.now());
        assertThat(outcome.findings()).isNotEmpty();
        assertThat(outcome.findings().stream().flatMap(f -> f.topPatterns().stream()).map(Finding.PatternStat::label))
                .contains("SET user:{n}:session", "GET user:{n}:session");
        assertThat(outcome.findings().stream().flatMap(f -> f.nodes().stream())).contains(primary.address(), replica.address());

        List<ClusterRead> second = reader.read(List.of(target("orders", primary, false, null, null)), poll::cursor);
        SlowlogPoll.Outcome again = poll.process(second, suppression, Instant.now());
        assertThat(again.findings()).as("only the collector's own commands are new").isEmpty();
        assertThat(outcome.entries()).as("new entries counted before filtering").isGreaterThanOrEqualTo(2);
    }

    @Test
    void followsAClusterOfThreePrimariesAndThreeReplicasThroughClusterShards() {
        List<RedisServers.Server> nodes = servers.startCluster();
        nodes.forEach(n -> n.cli("PING"));
        ClusterRead read = reader.read(List.of(target("feed", nodes.get(0), false, null, null)), (c, n, l) -> null).get(0);
        assertThat(read.failures()).isEmpty();
        assertThat(read.nodes()).extracting(NodeRead::node)
                .containsExactlyInAnyOrderElementsOf(nodes.stream().map(RedisServers.Server::address).toList());
        assertThat(commands(read)).contains("PING");
    }

    @Test
    void aClusterWhoseSeedDiesKeepsItsOtherNodesReadAndReportsLaterSlowCommands() {
        List<RedisServers.Server> nodes = servers.startCluster();
        // the target an endpoint override makes: one seed, topology followed
        RedisTarget feed = target("feed", nodes.get(0), false, null, null);
        SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of());
        Suppression none = new Suppression(Duration.ZERO, 2.0, Map.of());
        SlowlogPoll.Outcome first = poll.process(reader.read(List.of(feed), poll::cursor), none, Instant.now());
        assertThat(first.nodesRead()).isEqualTo(6);

        nodes.get(0).stop();
        nodes.get(3).cli("KEYS", "after-seed:*");
        SlowlogPoll.Outcome second = poll.process(reader.read(List.of(feed), poll::cursor), none, Instant.now());
        assertThat(second.nodesRead()).as("the 5 nodes still up: %s", second.failures()).isEqualTo(5);
        assertThat(second.failures()).singleElement().satisfies(f -> {
            assertThat(f.node()).isEqualTo(nodes.get(0).address());
            assertThat(f.reason()).startsWith("connection refused");
        });
        assertThat(second.findings().stream().flatMap(f -> f.topPatterns().stream()).map(Finding.PatternStat::label))
                .contains("KEYS after-seed:*");

        nodes.get(5).cli("KEYS", "later:*");
        SlowlogPoll.Outcome third = poll.process(reader.read(List.of(feed), poll::cursor), none, Instant.now());
        assertThat(third.nodesRead()).as("%s", third.failures()).isEqualTo(5);
        assertThat(third.findings().stream().flatMap(f -> f.topPatterns().stream()).map(Finding.PatternStat::label))
                .contains("KEYS later:*").doesNotContain("KEYS after-seed:*");
    }

    @Test
    void aSlowlogResetIsNoLossWhenOnlyCachewatchsOwnCommandsWereWiped() {
        RedisServers.Server node = servers.start();
        SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of());
        Suppression none = new Suppression(Duration.ZERO, 2.0, Map.of());
        RedisTarget target = target("orders", node, false, null, null);
        node.cli("GET", "before:1");
        SlowlogPoll.Outcome first = poll.process(reader.read(List.of(target), poll::cursor), none, Instant.now());
        assertThat(first.findings()).extracting(f -> f.kind().id()).doesNotContain("lost");

        // every command is logged (slowlog-log-slower-than 0): the reset wipes the collector's own last SLOWLOG GET
        node.cli("SLOWLOG", "RESET");
        node.cli("GET", "after:1");
        SlowlogPoll.Outcome second = poll.process(reader.read(List.of(target), poll::cursor), none, Instant.now());
        assertThat(second.findings()).extracting(f -> f.kind().id()).as("%s", second.findings()).doesNotContain("lost");
        assertThat(second.findings().stream().flatMap(f -> f.topPatterns().stream()).map(Finding.PatternStat::label))
                .contains("GET after:{n}");

        // entries of other clients wiped by a reset are lost, and counted
        node.cli("GET", "wiped:1");
        node.cli("GET", "wiped:2");
        node.cli("SLOWLOG", "RESET");
        SlowlogPoll.Outcome third = poll.process(reader.read(List.of(target), poll::cursor), none, Instant.now());
        assertThat(third.findings()).filteredOn(f -> f.kind().id().equals("lost")).singleElement()
                .satisfies(f -> assertThat(f.lost()).as("the two GETs; not the collector's own SLOWLOG GET").isEqualTo(2));
    }

    @Test
    void readsOverTlsWithVerificationAndReportsAnUntrustedCertificate(@TempDir Path dir) {
        List<Path> certs = RedisServers.certificates(dir);
        RedisServers.Server tls = servers.startTls(certs.get(1), certs.get(2), certs.get(0));
        try (RedisSlowlogReader trusting = reader(certs.get(0).toString())) {
            ClusterRead read = trusting.read(List.of(target("ledger", tls, true, null, null)), (c, n, l) -> null).get(0);
            assertThat(read.failures()).isEmpty();
            assertThat(read.nodes()).hasSize(1);
        }
        ClusterRead untrusted = reader.read(List.of(target("ledger", tls, true, null, null)), (c, n, l) -> null).get(0);
        assertThat(untrusted.nodes()).isEmpty();
        assertThat(untrusted.failures()).singleElement().satisfies(f -> assertThat(f.reason()).startsWith("TLS failed"));
    }

    @Test
    void aLeastPrivilegeUserReadsAndAWrongPasswordOrAStoppedNodeIsReportedWhileOthersAreRead() {
        RedisServers.Server a = servers.start();
        a.cli("ACL", "SETUSER", "slowlog", "on", ">s3cret-pass", "-@all", "+slowlog", "+ping", "+info",
                "+cluster|shards", "+cluster|nodes");
        a.cli("GET", "cart:9f86d081884c7d65:items");
        a.cli("CONFIG", "SET", "requirepass", "default-pass"); // the default user is no longer open
        RedisServers.Server b = servers.start("--requirepass", "right-password");
        RedisServers.Server c = servers.start();
        c.stop();

        List<ClusterRead> reads = reader.read(List.of(
                target("a", a, false, "slowlog", "s3cret-pass"),
                target("b", b, false, "slowlog", "wrong-password"),
                target("c", c, false, null, null)), (cl, n, l) -> null);
        assertThat(reads.get(0).failures()).isEmpty();
        assertThat(commands(reads.get(0))).contains("GET cart:9f86d081884c7d65:items");
        assertThat(reads.get(0).nodes().get(0).entries()).extracting(SlowlogEntry::clientName).contains(SlowlogPolicy.OWN_CLIENT_NAME);
        assertThat(reads.get(1).failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).startsWith("auth rejected");
            assertThat(f.reason()).doesNotContain("wrong-password");
        });
        assertThat(reads.get(2).failures()).singleElement().satisfies(f -> assertThat(f.reason()).startsWith("connection refused"));
    }

    @Test
    void aNodeRestartedBetweenPollsGivesNoDuplicates() {
        RedisServers.Server node = servers.start();
        node.cli("HGETALL", "profile:1001");
        SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of());
        Suppression none = new Suppression(Duration.ZERO, 2.0, Map.of());
        RedisTarget target = target("orders", node, false, null, null);
        SlowlogPoll.Outcome first = poll.process(reader.read(List.of(target), poll::cursor), none, Instant.now());
        assertThat(first.findings()).extracting(f -> f.kind().id()).contains("full-read");

        node.restart();
        node.cli("KEYS", "session:*");
        SlowlogPoll.Outcome second = poll.process(reader.read(List.of(target), poll::cursor), none, Instant.now());
        assertThat(second.failures()).isEmpty();
        assertThat(second.restartedNodes()).containsExactly("orders/" + node.address());
        // redis-cli's own COMMAND DOCS is new too; the HGETALL from before the restart is not reported again
        assertThat(second.findings()).extracting(f -> f.kind().id()).contains("keys").doesNotContain("full-read");
        assertThat(second.findings().stream().filter(f -> f.kind().id().equals("keys")).findFirst().orElseThrow().topPatterns()).extracting(Finding.PatternStat::label).containsExactly("KEYS session:*");

        SlowlogPoll.Outcome third = poll.process(reader.read(List.of(target), poll::cursor), none, Instant.now());
        assertThat(third.findings()).isEmpty();
    }

    private static RedisTarget seed(String id, int port, String user, String password) {
        return new RedisTarget(new SlowlogCluster("us-east-1", id, "redis", "elasticache"),
                List.of(new RedisNode("127.0.0.1:" + port, "127.0.0.1", port, "unknown")), false, true, user, password);
    }

    /**
     * The one failure of reading {@code target} with a long command timeout: a reply that is only noticed when the
     * timeout runs out would be reported as "timeout".
     */
    private static NodeFailure onlyFailure(RedisTarget target) {
        ClusterRead read;
        try (RedisSlowlogReader patient = new RedisSlowlogReader(vertx, new RedisSlowlogReader.Settings(Duration.ofSeconds(2),
                Duration.ofSeconds(20), 8, 1024, null))) {
            read = patient.read(List.of(target), (c, n, l) -> null).get(0);
        }
        assertThat(read.nodes()).isEmpty();
        assertThat(read.failures()).hasSize(1);
        return read.failures().get(0);
    }

    @Test
    void aNodeAnsweringTheHandshakeWithErrIsNamedAtOnce() {
        try (ScriptedRedis proxy = new ScriptedRedis(command -> command.equals("PING") ? "+PONG\r\n" : "-ERR handshake refused by proxy\r\n")) {
            NodeFailure f = onlyFailure(seed("proxied", proxy.port(), null, null));
            assertThat(proxy.received()).contains("HELLO");
            assertThat(f.reason()).isEqualTo("error: ERR handshake refused by proxy");
        }
    }

    @Test
    void loadingAndBusyAreNamedByTheirCode() {
        try (ScriptedRedis loading = ScriptedRedis.always("-LOADING Redis is loading the dataset in memory\r\n")) {
            assertThat(onlyFailure(seed("loading", loading.port(), null, null)).reason())
                    .isEqualTo("loading: LOADING Redis is loading the dataset in memory");
        }
    }

    @Test
    void anAclUserWithoutSlowlogIsNamedPermissionDenied() {
        RedisServers.Server node = servers.start();
        node.cli("ACL", "SETUSER", "reader", "on", ">pw-1234", "-@all", "+ping", "+info", "+cluster|shards", "+cluster|nodes");
        NodeFailure f = onlyFailure(seed("locked", node.port(), "reader", "pw-1234"));
        assertThat(f.reason()).startsWith("permission denied: ").contains("NOPERM").doesNotContain("pw-1234");
    }

    @Test
    void aWrongPasswordIsNamedAuthRejected() {
        RedisServers.Server node = servers.start("--requirepass", "right-pass");
        assertThat(onlyFailure(seed("auth", node.port(), null, "wrong-pass")).reason()).startsWith("auth rejected: ").doesNotContain("wrong-pass");
    }

    @Test
    void aSilentNodeCostsOneTimeoutPerPoll() {
        RedisSlowlogReader quick = new RedisSlowlogReader(vertx, new RedisSlowlogReader.Settings(Duration.ofSeconds(2), Duration.ofMillis(500), 8, 1024, null));
        try (quick; ScriptedRedis silent = ScriptedRedis.always(null)) {
            ClusterRead read = quick.read(List.of(seed("silent", silent.port(), null, null)), (c, n, l) -> null).get(0);
            assertThat(read.failures()).singleElement().satisfies(f -> assertThat(f.reason()).startsWith("timeout"));
            assertThat(silent.connections()).as("asked for the topology once, not again for the read").isEqualTo(1);
            assertThat(silent.received()).hasSize(1);
        }
    }
}
