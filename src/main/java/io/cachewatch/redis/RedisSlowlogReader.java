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
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
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
    /** Per cluster (key), the nodes of its last topology read, and which node answered it. */
    private final Map<String, List<RedisNode>> known = new ConcurrentHashMap<>();
    private final Map<String, String> topologySource = new ConcurrentHashMap<>();

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
     * entries are fetched. A node that already failed this poll (asked for the topology) is reported with that
     * failure, not tried again: a silent node costs one timeout per poll.
     */
    public List<ClusterRead> read(List<RedisTarget> targets, BiFunction<SlowlogCluster, String, NodeCursor> cursors) {
        Map<RedisTarget, List<java.util.concurrent.Future<Object>>> pending = new LinkedHashMap<>();
        Map<RedisTarget, List<NodeFailure>> topologyFailures = new LinkedHashMap<>();
        for (RedisTarget target : targets) {
            List<NodeFailure> failures = new ArrayList<>();
            Map<String, Exception> failed = new LinkedHashMap<>();
            List<RedisNode> nodes = nodes(target, failures, failed);
            topologyFailures.put(target, failures);
            List<java.util.concurrent.Future<Object>> reads = new ArrayList<>();
            for (RedisNode node : nodes) {
                Exception already = failed.get(node.address());
                if (already != null) {
                    failures.add(new NodeFailure(target.cluster().id(), node.label(), reason(already, target)));
                    continue;
                }
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

    /**
     * The nodes to read: the seeds, or what a reachable node says the topology is. Once a cluster's nodes are known,
     * the topology is asked of the node that answered last, then the seeds, then every other known node, so a dead
     * seed costs its own node only. When none answers, the seeds and the known nodes are each read (and reported).
     * Nodes that failed on the way are put in {@code failed} by address and are among the nodes returned.
     */
    List<RedisNode> nodes(RedisTarget target, List<NodeFailure> failures, Map<String, Exception> failed) {
        if (!target.followTopology()) {
            return target.seeds();
        }
        String key = target.cluster().key();
        List<RedisNode> candidates = new ArrayList<>();
        String source = topologySource.get(key);
        List<RedisNode> known = this.known.getOrDefault(key, List.of());
        known.stream().filter(n -> n.address().equals(source)).forEach(candidates::add);
        addNew(candidates, target.seeds());
        addNew(candidates, known);
        Exception last = null;
        for (RedisNode candidate : candidates) {
            try {
                List<RedisNode> nodes = onNode(target, candidate, c -> topology(target, c));
                this.known.put(key, List.copyOf(nodes));
                topologySource.put(key, candidate.address());
                // a node tried on the way is reported even when the topology no longer lists it (flagged fail)
                List<RedisNode> read = new ArrayList<>(nodes);
                addNew(read, candidates.stream().filter(n -> failed.containsKey(n.address())).toList());
                return read;
            } catch (Exception e) {
                failed.put(candidate.address(), e);
                last = e;
            }
        }
        LOG.debugf("topology of %s unknown: %s", target.cluster().id(), last == null ? "no seeds" : last.getMessage());
        if (candidates.isEmpty()) {
            failures.add(new NodeFailure(target.cluster().id(), "-", "no endpoint to connect to"));
        }
        return candidates;
    }

    /** Adds the nodes whose address is not in {@code to} yet. */
    private static void addNew(List<RedisNode> to, List<RedisNode> nodes) {
        for (RedisNode n : nodes) {
            if (to.stream().noneMatch(x -> x.address().equals(n.address()))) {
                to.add(n);
            }
        }
    }

    /** CLUSTER SHARDS (or CLUSTER NODES) in cluster mode; otherwise the seeds and the replicas INFO replication lists. */
    private List<RedisNode> topology(RedisTarget target, RedisConnection c) throws Exception {
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
        addNew(nodes, RedisReplies.replicas(replication));
        return nodes;
    }

    NodeRead readNode(RedisTarget target, RedisNode node, NodeCursor cursor) throws Exception {
        return onNode(target, node, c -> {
            List<Response> probe = await(c.batch(List.of(Request.cmd(Command.INFO).arg("server"),
                    Request.cmd(Command.SLOWLOG).arg("GET").arg(1))));
            String runId = RedisReplies.infoField(probe.get(0).toString(), "run_id").orElse(null);
            List<SlowlogEntry> newest = entries(probe.get(1));
            long newestId = newest.isEmpty() ? -1 : newest.get(0).id();
            long count = NodeCursor.fetchCount(cursor, runId, newestId, settings.maxEntries());
            List<SlowlogEntry> entries = count <= 0 ? newest
                    : entries(call(c, Request.cmd(Command.SLOWLOG).arg("GET").arg(count)));
            return new NodeRead(node.label(), runId, newestId, entries);
        });
    }

    private interface OnConnection<T> {
        T apply(RedisConnection connection) throws Exception;
    }

    /**
     * Runs {@code work} on the node's connection. A kept connection that fails other than by a timeout (the node
     * restarted, failed over or closed it) is replaced once; a failed connection is dropped, so the next poll opens a
     * new one. A silent node is never waited for twice.
     */
    private <T> T onNode(RedisTarget target, RedisNode node, OnConnection<T> work) throws Exception {
        boolean kept = connections.containsKey(node.address());
        try {
            return work.apply(connection(target, node));
        } catch (Exception e) {
            drop(node);
            if (!kept || e instanceof TimeoutException) {
                throw e;
            }
        }
        try {
            return work.apply(connection(target, node));
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
        // the handshake is ours (handshake()), not the client's: the client's own HELLO never completes its connect
        // when a node (or a proxy before it) answers HELLO with a plain -ERR, which then looked like a timeout
        RedisOptions options = new RedisOptions()
                .setConnectionString(uri(target, node))
                .setNetClientOptions(net)
                .setProtocolNegotiation(false)
                .setMaxPoolSize(1)
                .setMaxPoolWaiting(8);
        Redis client = Redis.createClient(vertx, options);
        RedisConnection connection;
        try {
            connection = await(client.connect());
            handshake(connection, target);
        } catch (Exception e) {
            client.close();
            throw e;
        }
        connections.put(node.address(), new Open(client, connection));
        return connection;
    }

    /**
     * {@code HELLO 2 [AUTH user password] SETNAME cachewatch-slowlog}: one round trip that authenticates and names the
     * client (so its own entries can be told apart); an error reply (WRONGPASS, NOPERM, a proxy's -ERR) fails the node at
     * once. Servers before Redis 6 know no HELLO: AUTH and CLIENT SETNAME instead.
     */
    private void handshake(RedisConnection c, RedisTarget target) throws Exception {
        String user = target.username() == null ? "default" : target.username();
        Request hello = Request.cmd(Command.HELLO).arg(2);
        if (target.password() != null) {
            hello.arg("AUTH").arg(user).arg(target.password());
        }
        try {
            call(c, hello.arg("SETNAME").arg(SlowlogPolicy.OWN_CLIENT_NAME));
        } catch (ExecutionException e) {
            String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            if (!message.toLowerCase(Locale.ROOT).startsWith("err unknown command")) {
                throw e;
            }
            if (target.password() != null) {
                call(c, target.username() == null ? Request.cmd(Command.AUTH).arg(target.password())
                        : Request.cmd(Command.AUTH).arg(target.username()).arg(target.password()));
            }
            call(c, Request.cmd(Command.CLIENT).arg("SETNAME").arg(SlowlogPolicy.OWN_CLIENT_NAME));
        }
    }

    /** Host and port only: credentials and the client name go in {@link #handshake}. */
    private static String uri(RedisTarget target, RedisNode node) {
        String host = node.host().contains(":") ? "[" + node.host() + "]" : node.host();
        return (target.tls() ? "rediss://" : "redis://") + host + ':' + node.port();
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

    /**
     * A failure's reason for people: its kind ({@link RedisErrors#kind}) and the server's error, or what went wrong on
     * the way; credentials masked.
     */
    static String reason(Throwable e, RedisTarget target) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null || root instanceof ExecutionException)) {
            root = root.getCause();
        }
        String message = RedisErrors.serverReply(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        String kind = RedisErrors.kind(message, root instanceof TimeoutException, root instanceof javax.net.ssl.SSLException);
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
