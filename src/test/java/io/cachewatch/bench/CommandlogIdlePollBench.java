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
 * The extra cost of reading an idle Valkey 8.1 node with COMMANDLOG (its three logs) against SLOWLOG: one
 * valkey-server that logs nothing, read by two collectors, one as a user allowed {@code commandlog|get} (COMMANDLOG)
 * and one as a user without it (falls back to SLOWLOG); a redis-server 7 read with SLOWLOG for reference. Per poll:
 * round trips (the server's {@code total_reads_processed}: a pipelined batch arrives in one read), commands, bytes to
 * and from the server (INFO stats), wall time and this process's CPU time. The modes alternate in rounds so that load
 * from other processes falls on both.
 */
public final class CommandlogIdlePollBench {
    private record Mode(String name, RedisServers.Server server, RedisSlowlogReader reader, List<RedisTarget> target, SlowlogPoll poll,
                        long[] totals) {
    }

    public static void main(String[] args) throws Exception {
        int polls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Vertx vertx = Vertx.vertx();
        RedisSlowlogReader.Settings settings = new RedisSlowlogReader.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, 1024, null);
        try (RedisServers valkeys = RedisServers.valkey(); RedisServers redises = new RedisServers();
             RedisSlowlogReader commandlog = new RedisSlowlogReader(vertx, settings);
             RedisSlowlogReader slowlog = new RedisSlowlogReader(vertx, settings);
             RedisSlowlogReader redis7 = new RedisSlowlogReader(vertx, settings)) {
            RedisServers.Server valkey = valkeys.start("--slowlog-log-slower-than", "-1", "--commandlog-request-larger-than", "-1",
                    "--commandlog-reply-larger-than", "-1");
            valkey.cli("ACL", "SETUSER", "with-commandlog", "on", ">pw", "-@all", "+slowlog", "+commandlog|get", "+ping", "+info");
            valkey.cli("ACL", "SETUSER", "without-commandlog", "on", ">pw", "-@all", "+slowlog", "+ping", "+info");
            RedisServers.Server redis = redises.start("--slowlog-log-slower-than", "-1");
            List<Mode> modes = List.of(
                    mode("valkey 8.1, COMMANDLOG (3 logs)", valkey, commandlog, "with-commandlog"),
                    mode("valkey 8.1, SLOWLOG (no +commandlog)", valkey, slowlog, "without-commandlog"),
                    mode("redis 7.0, SLOWLOG", redis, redis7, null));
            Suppression suppression = new Suppression(Duration.ofHours(1), 2, Map.of());
            for (Mode m : modes) {
                for (int i = 0; i < 300; i++) { // connect, decide, first read, JIT warm-up
                    m.poll.process(m.reader.read(m.target, m.poll::cursor), suppression, Instant.now());
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int r = 0; r < rounds; r++) {
                for (Mode m : modes) {
                    long[] before = stats(m.server);
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < polls; i++) {
                        List<ClusterRead> reads = m.reader.read(m.target, m.poll::cursor);
                        if (!reads.get(0).failures().isEmpty() || m.poll.process(reads, suppression, Instant.now()).findings().size() > 0) {
                            throw new IllegalStateException(m.name + ": not idle: " + reads);
                        }
                    }
                    long wall = System.nanoTime() - t0;
                    long cpu = os.getProcessCpuTime() - cpu0;
                    long[] after = stats(m.server);
                    m.totals[0] += polls;
                    // less the INFO stats call of stats() itself: one read, one command (its bytes, ~1.5 KB a round, are left in)
                    m.totals[1] += after[0] - before[0] - 1;
                    m.totals[2] += after[1] - before[1] - 1;
                    m.totals[3] += after[2] - before[2];
                    m.totals[4] += after[3] - before[3];
                    m.totals[5] += wall;
                    m.totals[6] += cpu;
                }
            }
            System.out.printf("idle polls per mode: %d (%d rounds of %d)%n", polls * rounds, rounds, polls);
            System.out.println("mode | round trips/poll | commands/poll | bytes to server/poll | bytes from server/poll | wall µs/poll | collector CPU µs/poll");
            for (Mode m : modes) {
                double n = m.totals[0];
                System.out.printf("%s | %.2f | %.2f | %.0f | %.0f | %.0f | %.0f%n", m.name, (m.totals[1] + 0.0) / n, (m.totals[2] + 0.0) / n,
                        m.totals[3] / n, m.totals[4] / n, m.totals[5] / 1e3 / n, m.totals[6] / 1e3 / n);
            }
        } finally {
            vertx.close();
        }
    }

    private static Mode mode(String name, RedisServers.Server server, RedisSlowlogReader reader, String user) {
        SlowlogCluster cluster = new SlowlogCluster("local", "bench", "valkey", "elasticache");
        List<RedisTarget> target = List.of(new RedisTarget(cluster, List.of(new RedisNode(server.address(), "127.0.0.1", server.port(), "primary")),
                false, false, user, user == null ? null : "pw"));
        return new Mode(name, server, reader, target, new SlowlogPoll(SlowlogPolicy.defaults(), Map.of()), new long[7]);
    }

    /** total_reads_processed, total_commands_processed, total_net_input_bytes, total_net_output_bytes. */
    private static long[] stats(RedisServers.Server server) {
        String stats = server.cli("INFO", "stats");
        return new long[] {field(stats, "total_reads_processed"), field(stats, "total_commands_processed"),
                field(stats, "total_net_input_bytes"), field(stats, "total_net_output_bytes")};
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
