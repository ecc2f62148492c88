package io.cachewatch.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reply shapes from the Redis command reference (CLUSTER SHARDS, CLUSTER NODES, INFO replication). */
class RedisRepliesTest {
    @Test
    void clusterShardsInBothProtocolsPrefersHostnamesAndTlsPortsAndSkipsFailedNodes() {
        List<Object> resp2 = List.of(List.of("slots", List.of(0L, 5460L), "nodes", List.of(
                List.of("id", "a", "port", 30001L, "ip", "10.0.0.1", "endpoint", "10.0.0.1", "hostname", "node-a.example",
                        "role", "master", "replication-offset", 72L, "health", "online"),
                List.of("id", "b", "port", 30004L, "tls-port", 31004L, "ip", "10.0.0.4", "endpoint", "10.0.0.4",
                        "role", "replica", "health", "online"),
                List.of("id", "c", "port", 30007L, "ip", "10.0.0.7", "endpoint", "10.0.0.7", "role", "replica", "health", "fail"))));
        assertThat(RedisReplies.clusterShards(resp2, true)).containsExactly(
                new RedisNode("node-a.example:30001", "node-a.example", 30001, "primary"),
                new RedisNode("10.0.0.4:31004", "10.0.0.4", 31004, "replica"));
        Object resp3 = List.of(Map.of("nodes", List.of(Map.of("endpoint", "10.0.0.2", "port", 6379L, "role", "master", "health", "online"))));
        assertThat(RedisReplies.clusterShards(resp3, false)).containsExactly(new RedisNode("10.0.0.2:6379", "10.0.0.2", 6379, "primary"));
    }

    @Test
    void clusterNodesAndReplicationInfo() {
        String nodes = """
                07c37dfeb235213a872192d90877d0cd55635b91 127.0.0.1:30004@31004,host-d replica e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 0 1426238317239 4 connected
                67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1 127.0.0.1:30002@31002 master - 0 1426238316232 2 connected 5461-10922
                292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f 127.0.0.1:30003@31003 master,fail - 0 1426238318243 3 connected 10923-16383
                """;
        assertThat(RedisReplies.clusterNodes(nodes)).containsExactly(
                new RedisNode("host-d:30004", "host-d", 30004, "replica"),
                new RedisNode("127.0.0.1:30002", "127.0.0.1", 30002, "primary"));
        String info = "# Replication\r\nrole:master\r\nconnected_slaves:1\r\nslave0:ip=10.0.0.9,port=6380,state=online,offset=1,lag=0\r\n";
        assertThat(RedisReplies.replicas(info)).containsExactly(new RedisNode("10.0.0.9:6380", "10.0.0.9", 6380, "replica"));
        assertThat(RedisReplies.infoField("# Server\r\nrun_id:abc123\r\n", "run_id")).contains("abc123");
    }

    @Test
    void valkeyFromEightOneHasCommandlogByItsOwnVersionNotTheRedisCompatibleOne() {
        int[] since = RedisSlowlogReader.COMMANDLOG_SINCE;
        String valkey81 = "# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.1.1\r\nrun_id:abc\r\n";
        org.assertj.core.api.Assertions.assertThat(RedisReplies.valkeyAtLeast(valkey81, since)).isTrue();
        org.assertj.core.api.Assertions.assertThat(RedisReplies.valkeyAtLeast(valkey81.replace("8.1.1", "8.0.4"), since)).isFalse();
        org.assertj.core.api.Assertions.assertThat(RedisReplies.valkeyAtLeast(valkey81.replace("8.1.1", "9.0.0"), since)).isTrue();
        org.assertj.core.api.Assertions.assertThat(RedisReplies.valkeyAtLeast(valkey81.replace("8.1.1", "8.10"), since)).isTrue();
        org.assertj.core.api.Assertions.assertThat(RedisReplies.valkeyAtLeast(valkey81.replace("8.1.1", "eight"), since)).isFalse();
        org.assertj.core.api.Assertions.assertThat(RedisReplies.valkeyAtLeast("redis_version:8.2.0\r\n", since)).isFalse();
    }
}
