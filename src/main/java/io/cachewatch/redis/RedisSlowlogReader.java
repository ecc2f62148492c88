package io.cachewatch.redis;

import io.cachewatch.slowlog.ClusterRead;
import io.cachewatch.slowlog.LogReply;
import io.cachewatch.slowlog.LogType;
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
import org.jboss.logging.Logger;

/**
 * Reads SLOWLOG, or on Valkey 8.1 and later COMMANDLOG's three logs, from every node of clusters over the Redis
 * protocol with the Vert.x Redis client: one connection per node, kept between polls and named
 * {@value SlowlogPolicy#OWN_CLIENT_NAME}; connect and command timeouts; at most {@code concurrency} nodes at a time.
 * An idle node costs one round trip (INFO server and SLOWLOG GET 1, or COMMANDLOG GET 1 of each type, pipelined); only
 * a log whose newest id moved has its new entries fetched. Which command reads a node is decided once per node and
 * run id ({@link #decide}). A node that fails is reported with its reason and the others carry on.
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

    /**
     * How a node's logs are read, decided while its run id holds.
     *
     * @param fallback why a node whose version has COMMANDLOG is read with SLOWLOG (renamed, denied); null otherwise
     */
    private record Mode(String runId, boolean commandlog, String fallback) {
    }

    /** What reading one node gave: one read per log, and the reason it was read with SLOWLOG if it has COMMANDLOG. */
    record NodeResult(List<NodeRead> reads, String fallback) {
    }

    /** The first release with COMMANDLOG (valkey-io/valkey src/commands/commandlog-get.json, "since": "8.1.0"). */
    static final int[] COMMANDLOG_SINCE = {8, 1};
    private static final Command COMMANDLOG = Command.create("commandlog");
    private static final List<LogType> COMMANDLOG_TYPES = List.of(LogType.SLOW, LogType.LARGE_REQUEST, LogType.LARGE_REPLY);

    private final Vertx vertx;
    private final Settings settings;
    private final ExecutorService pool;
    private final Map<String, Open> connections = new ConcurrentHashMap<>();
    /** Per cluster (key), the nodes of its last topology read, and which node answered it. */
    private final Map<String, List<RedisNode>> known = new ConcurrentHashMap<>();
    private final Map<String, String> topologySource = new ConcurrentHashMap<>();
    /** Per node address, how its logs are read (while its run id holds). */
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();

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
     * Reads every node of every target; {@code cursors} gives the cursor of a node's log (cluster, node label, log type)
     * so that only new entries are fetched. A node that already failed this poll (asked for the topology) is reported with that
     * failure, not tried again: a silent node costs one timeout per poll.
     */
    public interface Cursors {
        NodeCursor cursor(SlowlogCluster cluster, String node, LogType log);
    }

    public List<ClusterRead> read(List<RedisTarget> targets, Cursors cursors) {
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
                        return readNode(target, node, log -> cursors.cursor(target.cluster(), node.label(), log));
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
            List<NodeFailure> fallbacks = new ArrayList<>();
            for (java.util.concurrent.Future<Object> f : reads) {
                Object r = join(f);
                if (r instanceof NodeResult read) {
                    ok.addAll(read.reads());
                    if (read.fallback() != null) {
                        fallbacks.add(new NodeFailure(target.cluster().id(), read.reads().get(0).node(), read.fallback()));
                    }
                } else {
                    failed.add((NodeFailure) r);
                }
            }
            result.add(new ClusterRead(target.cluster(), ok, failed, fallbacks));
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

    /** Reads the node's logs; {@code cursors} gives the cursor of each of its logs. */
    NodeResult readNode(RedisTarget target, RedisNode node, java.util.function.Function<LogType, NodeCursor> cursors) throws Exception {
        return onNode(target, node, c -> {
            Mode mode = modes.get(node.address());
            if (mode != null) {
                // the steady state: one pipelined round trip, INFO server for the run id and the newest entry of each log
                List<Request> probe = new ArrayList<>(List.of(Request.cmd(Command.INFO).arg("server")));
                probe.addAll(mode.commandlog() ? COMMANDLOG_TYPES.stream().map(t -> commandlogGet(t, 1)).toList() : List.of(slowlogGet(1)));
                List<Response> replies;
                try {
                    replies = await(c.batch(probe));
                } catch (Exception e) {
                    if (!mode.commandlog() || !RedisErrors.isErrorReply(e)) {
                        throw e;
                    }
                    // COMMANDLOG renamed or denied since (a new user group, a parameter change): decide again
                    replies = null;
                }
                if (replies != null) {
                    String runId = RedisReplies.infoField(replies.get(0).toString(), "run_id").orElse(null);
                    if (java.util.Objects.equals(runId, mode.runId())) {
                        return read(c, node, mode, runId, replies.subList(1, replies.size()), cursors);
                    }
                }
                modes.remove(node.address()); // restarted or replaced: its version may have changed
            }
            return decide(c, node, cursors);
        });
    }

    /**
     * Decides how a node is read, once per node and run id: COMMANDLOG when INFO server reports Valkey 8.1 or later
     * and {@code COMMANDLOG GET} answers; SLOWLOG otherwise. A node whose version has COMMANDLOG but answers its GET with
     * an error (ElastiCache may rename or deny commands; an ACL user without {@code +commandlog|get}) is read with
     * SLOWLOG, and the reason is kept, logged once and reported with every poll.
     */
    private NodeResult decide(RedisConnection c, RedisNode node, java.util.function.Function<LogType, NodeCursor> cursors) throws Exception {
        String info = call(c, Request.cmd(Command.INFO).arg("server")).toString();
        String runId = RedisReplies.infoField(info, "run_id").orElse(null);
        if (RedisReplies.valkeyAtLeast(info, COMMANDLOG_SINCE)) {
            try {
                List<Response> newest = await(c.batch(COMMANDLOG_TYPES.stream().map(t -> commandlogGet(t, 1)).toList()));
                Mode mode = new Mode(runId, true, null);
                modes.put(node.address(), mode);
                return read(c, node, mode, runId, newest, cursors);
            } catch (Exception e) {
                if (!RedisErrors.isErrorReply(e)) {
                    throw e;
                }
                // a failed pipeline reports each failed command on its own line: the first says it
                String reply = RedisErrors.serverReply(String.valueOf(e.getMessage()).lines().findFirst().orElse("").trim());
                String fallback = "read with SLOWLOG: COMMANDLOG GET failed (" + RedisErrors.kind(reply, false, false) + ": " + reply + ")";
                LOG.warnf("node %s (%s): %s", node.label(), node.address(), fallback);
                modes.put(node.address(), new Mode(runId, false, fallback));
            }
        } else {
            modes.put(node.address(), new Mode(runId, false, null));
        }
        return read(c, node, modes.get(node.address()), runId, List.of(call(c, slowlogGet(1))), cursors);
    }

    /**
     * Reads each log after its newest entry ({@code newest}, the reply of GET 1 per log in the mode's order): only a log
     * whose newest id moved past its cursor has its new entries fetched (GET n, n = new ids + a margin), all of them in
     * one more pipelined round trip.
     */
    private NodeResult read(RedisConnection c, RedisNode node, Mode mode, String runId, List<Response> newest,
                            java.util.function.Function<LogType, NodeCursor> cursors) throws Exception {
        List<LogType> logs = mode.commandlog() ? COMMANDLOG_TYPES : List.of(LogType.SLOW);
        List<List<SlowlogEntry>> firsts = new ArrayList<>();
        List<Long> newestIds = new ArrayList<>();
        List<Request> fetches = new ArrayList<>();
        List<Integer> fetched = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            List<SlowlogEntry> first = LogReply.entries(node.label(), source(mode, logs.get(i)), plain(newest.get(i)));
            long newestId = first.isEmpty() ? -1 : first.get(0).id();
            firsts.add(first);
            newestIds.add(newestId);
            long count = NodeCursor.fetchCount(cursors.apply(logs.get(i)), runId, newestId, settings.maxEntries());
            if (count > 0) {
                fetches.add(mode.commandlog() ? commandlogGet(logs.get(i), count) : slowlogGet(count));
                fetched.add(i);
            }
        }
        List<Response> replies = fetches.isEmpty() ? List.of() : await(c.batch(fetches));
        List<NodeRead> reads = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            int at = fetched.indexOf(i);
            List<SlowlogEntry> entries = at < 0 ? firsts.get(i)
                    : LogReply.entries(node.label(), source(mode, logs.get(i)), plain(replies.get(at)));
            reads.add(new NodeRead(node.label(), runId, newestIds.get(i), entries, logs.get(i)));
        }
        return new NodeResult(reads, mode.fallback());
    }

    private static LogReply.Source source(Mode mode, LogType log) {
        return mode.commandlog() ? LogReply.Source.commandlog(log) : LogReply.Source.SLOWLOG;
    }

    private static Request slowlogGet(long count) {
        return Request.cmd(Command.SLOWLOG).arg("GET").arg(count);
    }

    /** {@code COMMANDLOG GET <count> <type>} (Valkey 8.1+; the client library's command table predates it). */
    private static Request commandlogGet(LogType log, long count) {
        return Request.cmd(COMMANDLOG).arg("GET").arg(count).arg(log.id());
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
