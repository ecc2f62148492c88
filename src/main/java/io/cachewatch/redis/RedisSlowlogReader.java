package io.cachewatch.redis;

import io.cachewatch.slowlog.ClusterRead;
import io.cachewatch.slowlog.NodeCursor;
import io.cachewatch.slowlog.NodeFailure;
import io.cachewatch.slowlog.NodeRead;
import io.cachewatch.slowlog.SlowlogCluster;
import io.cachewatch.slowlog.SlowlogEntry;
import io.cachewatch.slowlog.SlowlogPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * Reads SLOWLOG from every node of clusters over the Redis protocol with the Vert.x Redis client: one connection per
 * node, kept between polls and named {@value SlowlogPolicy#OWN_CLIENT_NAME}; connect and command timeouts; at most
 * {@code concurrency} nodes at a time. An idle node costs one round trip (INFO server and SLOWLOG GET 1, pipelined);
 * only when its newest id moved are the new entries fetched. A node that fails is reported with its reason and the
 * others carry on.
 */
public final class RedisSlowlogReader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisSlowlogReader.class);

    /**
     * @param connectTimeout  TCP (and TLS) connect timeout
     * @param commandTimeout  timeout of each request
     * @param concurrency     nodes read at the same time
     * @param maxEntries      most entries fetched from one node in one read
     * @param caFile          PEM file of CAs trusted for TLS instead of the JVM's; null for the JVM's trust store
     */
    public record Settings(Duration connectTimeout, Duration commandTimeout, int concurrency, int maxEntries, String caFile) {
    }

    private record Open(Redis client, RedisConnection connection) {
    }

    private final Vertx vertx;
    private final Settings settings;
    private final ExecutorService pool;
    private final Map<String, Open> connections = new ConcurrentHashMap<>();

    public RedisSlowlogReader(Vertx vertx, Settings settings) {
        this.vertx = vertx;
        this.settings = settings;
        this.pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), r -> {
            Thread t = new Thread(r, "slowlog-reader");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Reads every node of every target; {@code cursors} gives a node's cursor (cluster, node label) so that only new
     * entries are fetched.
     */
    public List<ClusterRead> read(List<RedisTarget> targets, BiFunction<SlowlogCluster, String, NodeCursor> cursors) {
        Map<RedisTarget, List<java.util.concurrent.Future<Object>>> pending = new LinkedHashMap<>();
        Map<RedisTarget, List<NodeFailure>> topologyFailures = new LinkedHashMap<>();
        for (RedisTarget target : targets) {
            List<RedisNode> nodes;
            List<NodeFailure> failures = new ArrayList<>();
            nodes = nodes(target, failures);
            topologyFailures.put(target, failures);
            List<java.util.concurrent.Future<Object>> reads = new ArrayList<>();
            for (RedisNode node : nodes) {
                reads.add(pool.submit(() -> {
                    try {
                        return readNode(target, node, cursors.apply(target.cluster(), node.label()));
                    } catch (Exception e) {
                        return new NodeFailure(target.cluster().id(), node.label(), reason(e, target));
                    }
                }));
            }
            pending.put(target, reads);
        }
        List<ClusterRead> result = new ArrayList<>();
        pending.forEach((target, reads) -> {
            List<NodeRead> ok = new ArrayList<>();
            List<NodeFailure> failed = new ArrayList<>(topologyFailures.get(target));
            for (java.util.concurrent.Future<Object> f : reads) {
                Object r = join(f);
                if (r instanceof NodeRead read) {
                    ok.add(read);
                } else {
                    failed.add((NodeFailure) r);
                }
            }
            result.add(new ClusterRead(target.cluster(), ok, failed));
        });
        return result;
    }

    private static Object join(java.util.concurrent.Future<Object> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The nodes to read: the seeds, or what the first reachable seed says the topology is. */
    List<RedisNode> nodes(RedisTarget target, List<NodeFailure> failures) {
        if (!target.followTopology()) {
            return target.seeds();
        }
        Exception last = null;
        for (RedisNode seed : target.seeds()) {
            try {
                RedisConnection c = connection(target, seed);
                String clusterInfo = call(c, Request.cmd(Command.INFO).arg("cluster")).toString();
                if ("1".equals(RedisReplies.infoField(clusterInfo, "cluster_enabled").orElse("0"))) {
                    List<RedisNode> nodes;
                    try {
                        nodes = RedisReplies.clusterShards(plain(call(c, Request.cmd(Command.CLUSTER).arg("SHARDS"))), target.tls());
                    } catch (Exception shardsFailed) {
                        // before Redis 7, or an ACL user without cluster|shards
                        nodes = RedisReplies.clusterNodes(call(c, Request.cmd(Command.CLUSTER).arg("NODES")).toString());
                    }
                    return nodes.isEmpty() ? target.seeds() : nodes;
                }
                List<RedisNode> nodes = new ArrayList<>(target.seeds());
                String replication = call(c, Request.cmd(Command.INFO).arg("replication")).toString();
                RedisReplies.replicas(replication).stream()
                        .filter(r -> nodes.stream().noneMatch(n -> n.address().equals(r.address())))
                        .forEach(nodes::add);
                return nodes;
            } catch (Exception e) {
                drop(seed);
                last = e;
            }
        }
        // no seed answered: each seed is read (and reported) on its own
        LOG.debugf("topology of %s unknown: %s", target.cluster().id(), last == null ? "no seeds" : last.getMessage());
        if (target.seeds().isEmpty()) {
            failures.add(new NodeFailure(target.cluster().id(), "-", "no endpoint to connect to"));
        }
        return target.seeds();
    }

    NodeRead readNode(RedisTarget target, RedisNode node, NodeCursor cursor) throws Exception {
        RedisConnection c = connection(target, node);
        try {
            List<Response> probe = await(c.batch(List.of(Request.cmd(Command.INFO).arg("server"),
                    Request.cmd(Command.SLOWLOG).arg("GET").arg(1))));
            String runId = RedisReplies.infoField(probe.get(0).toString(), "run_id").orElse(null);
            List<SlowlogEntry> newest = entries(probe.get(1));
            long newestId = newest.isEmpty() ? -1 : newest.get(0).id();
            long count = NodeCursor.fetchCount(cursor, runId, newestId, settings.maxEntries());
            List<SlowlogEntry> entries = count <= 0 ? newest
                    : entries(call(c, Request.cmd(Command.SLOWLOG).arg("GET").arg(count)));
            return new NodeRead(node.label(), runId, newestId, entries);
        } catch (Exception e) {
            drop(node);
            throw e;
        }
    }

    private static List<SlowlogEntry> entries(Response reply) {
        List<SlowlogEntry> entries = new ArrayList<>();
        for (Object entry : RedisReplies.asList(plain(reply))) {
            entries.add(SlowlogEntry.fromReply((List<?>) entry));
        }
        return entries;
    }

    private RedisConnection connection(RedisTarget target, RedisNode node) throws Exception {
        Open open = connections.get(node.address());
        if (open != null) {
            return open.connection();
        }
        NetClientOptions net = new NetClientOptions().setConnectTimeout((int) settings.connectTimeout().toMillis());
        if (target.tls()) {
            net.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
            if (settings.caFile() != null && !settings.caFile().isBlank()) {
                net.setTrustOptions(new PemTrustOptions().addCertPath(settings.caFile()));
            }
        }
        RedisOptions options = new RedisOptions()
                .setConnectionString(uri(target, node))
                .setNetClientOptions(net)
                .setPreferredProtocolVersion(ProtocolVersion.RESP2) // HELLO 2 AUTH … SETNAME …: one round trip
                .setMaxPoolSize(1)
                .setMaxPoolWaiting(8);
        Redis client = Redis.createClient(vertx, options);
        RedisConnection connection;
        try {
            connection = await(client.connect());
        } catch (Exception e) {
            client.close();
            throw e;
        }
        connections.put(node.address(), new Open(client, connection));
        return connection;
    }

    private static String uri(RedisTarget target, RedisNode node) {
        StringBuilder uri = new StringBuilder(target.tls() ? "rediss://" : "redis://");
        if (target.password() != null) {
            if (target.username() != null) {
                uri.append(URLEncoder.encode(target.username(), StandardCharsets.UTF_8));
            }
            uri.append(':').append(URLEncoder.encode(target.password(), StandardCharsets.UTF_8)).append('@');
        }
        String host = node.host().contains(":") ? "[" + node.host() + "]" : node.host();
        // the client names itself in HELLO (SETNAME), so its own entries can be told apart
        return uri.append(host).append(':').append(node.port()).append("?client=").append(SlowlogPolicy.OWN_CLIENT_NAME).toString();
    }

    private Response call(RedisConnection c, Request request) throws Exception {
        return await(c.send(request));
    }

    private <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out after " + settings.commandTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void drop(RedisNode node) {
        drop(node.address());
    }

    private void drop(String address) {
        Open open = connections.remove(address);
        if (open != null) {
            open.connection().close();
            open.client().close();
        }
    }

    /** A failure's reason for people: the server's error, or what went wrong on the way; credentials masked. */
    static String reason(Throwable e, RedisTarget target) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null || root instanceof ExecutionException)) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        String kind = root instanceof TimeoutException || lower.contains("timed out") ? "timeout"
                : lower.startsWith("wrongpass") || lower.contains("invalid username-password") || lower.contains("noauth") ? "auth rejected"
                : lower.startsWith("noperm") ? "permission denied"
                : lower.contains("connection refused") ? "connection refused"
                : root instanceof javax.net.ssl.SSLException || lower.contains("ssl") || lower.contains("certificate") ? "TLS failed"
                : "error";
        if (target.password() != null && !target.password().isEmpty()) {
            message = message.replace(target.password(), "***");
        }
        return kind + ": " + message;
    }

    /** A reply as plain Java values: List, Map (RESP3 maps), Long, String, null. */
    static Object plain(Response r) {
        if (r == null) {
            return null;
        }
        switch (r.type()) {
            case MULTI:
            case PUSH:
            case ATTRIBUTE:
                if (r.isMap()) {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (String key : r.getKeys()) {
                        map.put(key, plain(r.get(key)));
                    }
                    return map;
                }
                List<Object> list = new ArrayList<>(r.size());
                for (Response child : r) {
                    list.add(plain(child));
                }
                return list;
            case NUMBER:
                return r.toLong();
            default:
                return r.toString();
        }
    }

    @Override
    public void close() {
        List.copyOf(connections.keySet()).forEach(this::drop);
        // node reads still queued are cancelled, so a read() in flight on another thread ends instead of waiting on them
        pool.shutdownNow().forEach(r -> {
            if (r instanceof java.util.concurrent.Future<?> queued) {
                queued.cancel(false);
            }
        });
    }
}
