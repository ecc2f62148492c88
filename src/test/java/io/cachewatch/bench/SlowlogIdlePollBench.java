package io.cachewatch.bench;

import io.cachewatch.redis.RedisNode;
import io.cachewatch.redis.RedisSlowlogReader;
import io.cachewatch.redis.RedisTarget;
import io.cachewatch.slowlog.ClusterRead;
import io.cachewatch.slowlog.SlowlogCluster;
import io.cachewatch.slowlog.SlowlogPolicy;
import io.cachewatch.slowlog.SlowlogPoll;
import io.cachewatch.slowlog.Suppression;
import io.cachewatch.testing.RedisServers;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Idle poll cost per node against a real redis-server that logs nothing ({@code slowlog-log-slower-than -1}): after
 * the first read, every poll of an idle node is one pipelined round trip. Prints bytes per poll as the server counts
 * them (INFO stats), wall time per poll and this process's CPU time per poll.
 */
public final class SlowlogIdlePollBench {
    public static void main(String[] args) throws Exception {
        int polls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Vertx vertx = Vertx.vertx();
        try (RedisServers servers = new RedisServers();
             RedisSlowlogReader reader = new RedisSlowlogReader(vertx, new RedisSlowlogReader.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, 1024, null))) {
            RedisServers.Server server = servers.start("--slowlog-log-slower-than", "-1");
            SlowlogCluster cluster = new SlowlogCluster("local", "bench", "redis", "elasticache");
            List<RedisTarget> target = List.of(new RedisTarget(cluster, List.of(new RedisNode(server.address(), "127.0.0.1", server.port(), "primary")), false, false, null, null));
            SlowlogPoll poll = new SlowlogPoll(SlowlogPolicy.defaults(), Map.of());
            Suppression suppression = new Suppression(Duration.ofHours(1), 2, Map.of());
            for (int i = 0; i < 200; i++) { // connect, first read, JIT warm-up
                poll.process(reader.read(target, poll::cursor), suppression, Instant.now());
            }
            long[] before = netBytes(server);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            int findings = 0;
            for (int i = 0; i < polls; i++) {
                List<ClusterRead> reads = reader.read(target, poll::cursor);
                findings += poll.process(reads, suppression, Instant.now()).findings().size();
            }
            long wall = System.nanoTime() - t0;
            long cpu = os.getProcessCpuTime() - cpu0;
            long[] after = netBytes(server);
            System.out.printf("idle polls: %d, findings: %d%n", polls, findings);
            System.out.printf("bytes per poll: %.0f to the server, %.0f from it%n",
                    (after[0] - before[0]) / (double) polls, (after[1] - before[1]) / (double) polls);
            System.out.printf("wall per poll: %.0f µs, collector CPU per poll: %.0f µs%n", wall / 1e3 / polls, cpu / 1e3 / polls);
        } finally {
            vertx.close();
        }
    }

    /** total_net_input_bytes, total_net_output_bytes (the redis-cli calls themselves are excluded by reading both ends the same way). */
    private static long[] netBytes(RedisServers.Server server) {
        String stats = server.cli("INFO", "stats");
        return new long[] {field(stats, "total_net_input_bytes"), field(stats, "total_net_output_bytes")};
    }

    private static long field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new IllegalStateException(name + " missing");
    }
}
