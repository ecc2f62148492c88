package io.cachewatch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.redis.RedisNode;
import io.cachewatch.redis.RedisSlowlogReader;
import io.cachewatch.redis.RedisTarget;
import io.cachewatch.slowlog.ClusterRead;
import io.cachewatch.slowlog.FindingKind;
import io.cachewatch.slowlog.NodeRead;
import io.cachewatch.slowlog.SlowlogCluster;
import io.cachewatch.slowlog.SlowlogPolicy;
import io.cachewatch.slowlog.SlowlogPoll;
import io.cachewatch.slowlog.Suppression;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stand-in answers the real reader as Redis would, so the scale benchmark that uses it measures reads, not
 * errors: topology is followed, every node is read, an idle node costs one round trip, new entries arrive once.
 */
class RespResponderTest {
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    private static RedisTarget seeded(String id, RespResponder.Node seed) {
        return new RedisTarget(new SlowlogCluster("us-east-1", id, "redis", "elasticache"),
                List.of(new RedisNode(seed.address(), "127.0.0.1", seed.port(), "unknown")), false, true, null, null);
    }

    @Test
    void theReaderFollowsBothTopologiesReadsEveryNodeAndSeesNewEntriesOnce() {
        try (RespResponder responder = new RespResponder(vertx);
             RedisSlowlogReader reader = new RedisSlowlogReader(vertx, new RedisSlowlogReader.Settings(Duration.ofSeconds(2), Duration.ofSeconds(3), 8, 1024, null))) {
            RespResponder.Group replicated = responder.replicated(2);
            RespResponder.Group sharded = responder.clusterMode(3, 1);
            replicated.seed().log(250_000, "KEYS", "session:*");
            List<RedisTarget> targets = List.of(seeded("orders", replicated.seed()), seeded("feed", sharded.seed()));
            SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of());
            Suppression suppression = new Suppression(Duration.ZERO, 2.0, Map.of());

            List<ClusterRead> first = reader.read(targets, poll::cursor);
            assertThat(first).allSatisfy(r -> assertThat(r.failures()).isEmpty());
            assertThat(first.get(0).nodes()).extracting(NodeRead::node)
                    .containsExactlyInAnyOrderElementsOf(replicated.nodes().stream().map(RespResponder.Node::address).toList());
            assertThat(first.get(1).nodes()).extracting(NodeRead::node)
                    .containsExactlyInAnyOrderElementsOf(sharded.nodes().stream().map(RespResponder.Node::address).toList());
            SlowlogPoll.Outcome firstOutcome = poll.process(first, suppression, Instant.now());
            assertThat(firstOutcome.findings()).extracting(f -> f.kind()).containsExactly(FindingKind.KEYS);
            assertThat(firstOutcome.findings().get(0).topClients()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("app"));

            Map<String, Long> before = responder.commands();
            long batchesBefore = responder.batches();
            SlowlogPoll.Outcome idle = poll.process(reader.read(targets, poll::cursor), suppression, Instant.now());
            assertThat(idle.failures()).isEmpty();
            assertThat(idle.findings()).isEmpty();
            assertThat(idle.nodesRead()).isEqualTo(3 + 6);
            Map<String, Long> after = responder.commands();
            assertThat(after.get("SLOWLOG get") - before.get("SLOWLOG get")).isEqualTo(9);
            assertThat(after.get("INFO server") - before.get("INFO server")).isEqualTo(9);
            assertThat(after.getOrDefault("HELLO", 0L)).as("connections are kept between polls").isEqualTo(9);
            assertThat(responder.connectionsOpen()).isEqualTo(9);
            // per node 1 pipelined round trip; per cluster the topology: INFO cluster, then CLUSTER SHARDS or INFO replication
            assertThat(responder.batches() - batchesBefore).isEqualTo(9 + 2 * 2);

            sharded.nodes().get(4).log(1_500_000, "HGETALL", "profile:1001");
            SlowlogPoll.Outcome fresh = poll.process(reader.read(targets, poll::cursor), suppression, Instant.now());
            assertThat(fresh.findings()).singleElement().satisfies(f -> {
                assertThat(f.cluster().id()).isEqualTo("feed");
                assertThat(f.nodes()).containsExactly(sharded.nodes().get(4).address());
            });
        }
    }

    @Test
    void requestsSplitAcrossReadsArePutTogetherAndPipelinedOnesSeparated() {
        RespResponder.RequestReader reader = new RespResponder.RequestReader();
        assertThat(reader.feed(Buffer.buffer("*2\r\n$7\r\nSLOWLOG\r\n$3\r\nG"))).isEmpty();
        assertThat(reader.feed(Buffer.buffer("ET\r\n*1\r\n$4\r\nPING\r\n*1\r\n"))).containsExactly(List.of("SLOWLOG", "GET"), List.of("PING"));
        assertThat(reader.feed(Buffer.buffer("$4\r\nPING\r\n"))).containsExactly(List.of("PING"));
        assertThatThrownBy(() -> reader.feed(Buffer.buffer("PING\r\n"))).hasMessageContaining("expected '*'");
    }
}
