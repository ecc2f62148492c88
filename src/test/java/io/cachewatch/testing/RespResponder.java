package io.cachewatch.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stands in for many Redis nodes in scale tests where a thousand redis-server processes would not fit on the
 * machine: one Vert.x net server per simulated node on a loopback port, answering the commands the slow-log reader
 * sends (HELLO, AUTH, CLIENT SETNAME, PING, SELECT, INFO server/replication/cluster, SLOWLOG GET/LEN/RESET, CLUSTER
 * SHARDS) the way Redis 7 does, in RESP2 (RESP3 after HELLO 3). Anything else is answered with Redis's
 * "unknown command" error. Each node keeps its own slow log (newest first, at most 128 entries, like
 * slowlog-max-len 128) that tests fill with {@link Node#log}. It counts what it receives and sends, per command.
 */
public final class RespResponder implements AutoCloseable {
    private static final int MAX_LOG = 128;

    /** One simulated node. */
    public final class Node {
        private final Group group;
        private final String id = UUID.randomUUID().toString().replace("-", "") + "00000000";
        private final String runId = UUID.randomUUID().toString().replace("-", "") + "abcdefgh";
        private final boolean primary;
        private final List<Object[]> log = new ArrayList<>(); // newest first: id, time, micros, args, client
        private long nextId;
        private NetServer server;
        private int port;

        Node(Group group, boolean primary) {
            this.group = group;
            this.primary = primary;
        }

        public int port() {
            return port;
        }

        public String address() {
            return "127.0.0.1:" + port;
        }

        public boolean primary() {
            return primary;
        }

        /** Adds a slow-log entry as if a client at 10.0.0.7 ran {@code args} for {@code micros}. */
        public synchronized void log(long micros, String... args) {
            log.add(0, new Object[] {nextId++, System.currentTimeMillis() / 1000, micros, List.of(args), "10.0.0.7:51234", "app"});
            if (log.size() > MAX_LOG) {
                log.remove(log.size() - 1);
            }
        }

        synchronized List<Object[]> newest(long count) {
            return List.copyOf(log.subList(0, (int) Math.min(log.size(), count < 0 ? log.size() : count)));
        }

        synchronized int length() {
            return log.size();
        }

        synchronized void reset() {
            log.clear();
        }
    }

    /** A simulated cluster: a primary with replicas, or cluster mode with shards of a primary and replicas. */
    public final class Group {
        private final boolean clusterMode;
        private final List<List<Node>> shards = new ArrayList<>();

        Group(boolean clusterMode) {
            this.clusterMode = clusterMode;
        }

        /** The node to give the reader as its seed. */
        public Node seed() {
            return shards.get(0).get(0);
        }

        public List<Node> nodes() {
            return shards.stream().flatMap(List::stream).toList();
        }
    }

    private final Vertx vertx;
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    public RespResponder(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A non-cluster-mode group: a primary and {@code replicas} replicas, each on its own port. */
    public Group replicated(int replicas) {
        return group(false, 1, replicas);
    }

    /** A cluster-mode group of {@code shards} shards, each a primary and {@code replicas} replicas. */
    public Group clusterMode(int shards, int replicas) {
        return group(true, shards, replicas);
    }

    private Group group(boolean clusterMode, int shards, int replicas) {
        Group group = new Group(clusterMode);
        for (int s = 0; s < shards; s++) {
            List<Node> shard = new ArrayList<>();
            for (int r = 0; r <= replicas; r++) {
                Node node = new Node(group, r == 0);
                listen(node);
                shard.add(node);
            }
            group.shards.add(shard);
        }
        synchronized (groups) {
            groups.add(group);
        }
        return group;
    }

    public List<Node> nodes() {
        synchronized (groups) {
            return groups.stream().flatMap(g -> g.nodes().stream()).toList();
        }
    }

    /** Requests received per command ("SLOWLOG GET", "INFO server", "HELLO", ...), sorted by name. */
    public Map<String, Long> commands() {
        Map<String, Long> copy = new TreeMap<>();
        commands.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    /** Reads that carried at least one complete request: one per round trip of a client that pipelines. */
    public long batches() {
        return batches.sum();
    }

    /** Connections accepted since the start. */
    public int connectionsAccepted() {
        return connections.get();
    }

    /** Connections open now. */
    public int connectionsOpen() {
        return open.get();
    }

    private void listen(Node node) {
        node.server = vertx.createNetServer().connectHandler(socket -> accept(node, socket));
        try {
            node.server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
        node.port = node.server.actualPort();
    }

    private void accept(Node node, NetSocket socket) {
        connections.incrementAndGet();
        open.incrementAndGet();
        socket.closeHandler(v -> open.decrementAndGet());
        RequestReader reader = new RequestReader();
        int[] protocol = {2};
        socket.handler(data -> {
            bytesIn.add(data.length());
            List<List<String>> requests;
            try {
                requests = reader.feed(data);
            } catch (IllegalArgumentException e) {
                socket.write(Buffer.buffer("-ERR Protocol error: " + e.getMessage() + "\r\n")).onComplete(x -> socket.close());
                return;
            }
            if (requests.isEmpty()) {
                return;
            }
            batches.increment();
            Reply reply = new Reply();
            for (List<String> request : requests) {
                answer(node, request, reply, protocol);
            }
            bytesOut.add(reply.buffer.length());
            socket.write(reply.buffer);
        });
    }

    private void answer(Node node, List<String> request, Reply out, int[] protocol) {
        String command = request.isEmpty() ? "" : request.get(0).toUpperCase(Locale.ROOT);
        String sub = request.size() > 1 ? request.get(1) : "";
        String counted = switch (command) {
            case "INFO", "SLOWLOG", "CLUSTER", "CLIENT" -> command + " " + sub.toLowerCase(Locale.ROOT);
            default -> command;
        };
        commands.computeIfAbsent(counted, k -> new LongAdder()).increment();
        switch (command) {
            case "HELLO" -> {
                if (request.size() > 1) {
                    protocol[0] = Integer.parseInt(sub);
                }
                out.mapHeader(protocol[0], 7);
                out.bulk("server").bulk("redis").bulk("version").bulk("7.2.4").bulk("proto").integer(protocol[0])
                        .bulk("id").integer(connections.get()).bulk("mode").bulk(node.group.clusterMode ? "cluster" : "standalone")
                        .bulk("role").bulk(node.primary ? "master" : "replica").bulk("modules").array(0);
            }
            case "AUTH", "SELECT" -> out.simple("OK");
            case "CLIENT" -> out.simple("OK"); // SETNAME
            case "PING" -> out.simple("PONG");
            case "INFO" -> out.bulk(info(node, sub.toLowerCase(Locale.ROOT)));
            case "SLOWLOG" -> slowlog(node, request, out);
            case "CLUSTER" -> {
                if (node.group.clusterMode && sub.equalsIgnoreCase("SHARDS")) {
                    shards(node.group, out, protocol[0]);
                } else if (!node.group.clusterMode) {
                    out.error("ERR This instance has cluster support disabled");
                } else {
                    out.error("ERR unknown subcommand '" + sub + "'");
                }
            }
            default -> out.error("ERR unknown command '" + command + "', with args beginning with: ");
        }
    }

    private static void slowlog(Node node, List<String> request, Reply out) {
        String sub = request.size() > 1 ? request.get(1).toUpperCase(Locale.ROOT) : "";
        switch (sub) {
            case "GET" -> {
                long count = request.size() > 2 ? Long.parseLong(request.get(2)) : 10;
                List<Object[]> entries = node.newest(count);
                out.array(entries.size());
                for (Object[] e : entries) {
                    @SuppressWarnings("unchecked")
                    List<String> args = (List<String>) e[3];
                    out.array(6).integer((Long) e[0]).integer((Long) e[1]).integer((Long) e[2]).array(args.size());
                    args.forEach(out::bulk);
                    out.bulk((String) e[4]).bulk((String) e[5]);
                }
            }
            case "LEN" -> out.integer(node.length());
            case "RESET" -> {
                node.reset();
                out.simple("OK");
            }
            default -> out.error("ERR unknown subcommand '" + sub + "'");
        }
    }

    /** INFO text as Redis 7.2 writes it; "server" is the section an idle poll reads, so it has all its fields. */
    private String info(Node node, String section) {
        StringBuilder text = new StringBuilder();
        boolean all = section.isEmpty() || section.equals("all") || section.equals("default") || section.equals("everything");
        if (all || section.equals("server")) {
            text.append("# Server\r\nredis_version:7.2.4\r\nredis_git_sha1:00000000\r\nredis_git_dirty:0\r\n")
                    .append("redis_build_id:7f1b3c2e9d0a5b6c\r\nredis_mode:").append(node.group.clusterMode ? "cluster" : "standalone")
                    .append("\r\nos:Linux 5.10.0-amazon x86_64\r\narch_bits:64\r\nmonotonic_clock:POSIX clock_gettime\r\n")
                    .append("multiplexing_api:epoll\r\natomicvar_api:c11-builtin\r\ngcc_version:0.0.0\r\nprocess_id:1\r\n")
                    .append("process_supervised:no\r\nrun_id:").append(node.runId).append("\r\ntcp_port:").append(node.port)
                    .append("\r\nserver_time_usec:").append(System.currentTimeMillis() * 1000).append("\r\nuptime_in_seconds:86400\r\n")
                    .append("uptime_in_days:1\r\nhz:10\r\nconfigured_hz:10\r\nlru_clock:1234567\r\nexecutable:/usr/bin/redis-server\r\n")
                    .append("config_file:\r\nio_threads_active:0\r\nlistener0:name=tcp,bind=*,bind=-::*,port=").append(node.port).append("\r\n");
        }
        if (all || section.equals("replication")) {
            text.append(all ? "\r\n" : "").append("# Replication\r\nrole:").append(node.primary ? "master" : "slave").append("\r\n");
            if (node.primary) {
                List<Node> replicas = node.group.shards.stream().filter(s -> s.get(0) == node).findFirst()
                        .map(s -> s.subList(1, s.size())).orElse(List.of());
                text.append("connected_slaves:").append(replicas.size()).append("\r\n");
                for (int i = 0; i < replicas.size(); i++) {
                    text.append("slave").append(i).append(":ip=127.0.0.1,port=").append(replicas.get(i).port)
                            .append(",state=online,offset=1000,lag=0\r\n");
                }
            } else {
                text.append("master_host:127.0.0.1\r\nmaster_link_status:up\r\n");
            }
        }
        if (all || section.equals("cluster")) {
            text.append(all ? "\r\n" : "").append("# Cluster\r\ncluster_enabled:").append(node.group.clusterMode ? 1 : 0).append("\r\n");
        }
        return text.toString();
    }

    /** CLUSTER SHARDS: per shard "slots" and "nodes", each node a map of id, port, ip, endpoint, role, health. */
    private static void shards(Group group, Reply out, int protocol) {
        out.array(group.shards.size());
        int slotsPerShard = 16384 / group.shards.size();
        for (int s = 0; s < group.shards.size(); s++) {
            List<Node> shard = group.shards.get(s);
            out.mapHeader(protocol, 2).bulk("slots").array(2).integer((long) s * slotsPerShard)
                    .integer(s == group.shards.size() - 1 ? 16383 : (long) (s + 1) * slotsPerShard - 1)
                    .bulk("nodes").array(shard.size());
            for (Node n : shard) {
                out.mapHeader(protocol, 8).bulk("id").bulk(n.id).bulk("port").integer(n.port).bulk("ip").bulk("127.0.0.1")
                        .bulk("endpoint").bulk("127.0.0.1").bulk("role").bulk(n.primary ? "master" : "replica")
                        .bulk("replication-offset").integer(1000).bulk("health").bulk("online").bulk("hostname").bulk("");
            }
        }
    }

    /** Replies written into one buffer, sent in one write per batch of pipelined requests. */
    private static final class Reply {
        final Buffer buffer = Buffer.buffer(256);

        Reply simple(String text) {
            buffer.appendString("+" + text + "\r\n");
            return this;
        }

        Reply error(String text) {
            buffer.appendString("-" + text + "\r\n");
            return this;
        }

        Reply integer(long value) {
            buffer.appendString(":" + value + "\r\n");
            return this;
        }

        Reply bulk(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            buffer.appendString("$" + bytes.length + "\r\n").appendBytes(bytes).appendString("\r\n");
            return this;
        }

        Reply array(int size) {
            buffer.appendString("*" + size + "\r\n");
            return this;
        }

        /** A map of {@code pairs} entries: a RESP3 map, or a flat array of keys and values in RESP2. */
        Reply mapHeader(int protocol, int pairs) {
            buffer.appendString(protocol >= 3 ? "%" + pairs + "\r\n" : "*" + pairs * 2 + "\r\n");
            return this;
        }
    }

    /**
     * Splits the bytes a client sends into requests. Clients send every request as an array of bulk strings
     * ({@code *2\r\n$4\r\nPING\r\n...}); that is all this reads (no inline commands), which is enough for the clients under
     * test and keeps the stand-in small.
     */
    static final class RequestReader {
        private Buffer pending = Buffer.buffer();

        List<List<String>> feed(Buffer data) {
            pending.appendBuffer(data);
            List<List<String>> requests = new ArrayList<>();
            int pos = 0;
            while (true) {
                int[] at = {pos};
                List<String> request = request(at);
                if (request == null) {
                    break;
                }
                requests.add(request);
                pos = at[0];
            }
            pending = pending.getBuffer(pos, pending.length());
            return requests;
        }

        /** One complete request from {@code at[0]} (moved past it), or null when more bytes are needed. */
        private List<String> request(int[] at) {
            Long count = number('*', at);
            if (count == null) {
                return null;
            }
            List<String> args = new ArrayList<>((int) (long) count);
            for (long i = 0; i < count; i++) {
                Long length = number('$', at);
                if (length == null || pending.length() < at[0] + length + 2) {
                    return null;
                }
                args.add(pending.getString(at[0], (int) (at[0] + length), "UTF-8"));
                at[0] += (int) (length + 2);
            }
            return args;
        }

        /** "{prefix}{digits}\r\n" at {@code at[0]}: the number, or null when the line is not complete yet. */
        private Long number(char prefix, int[] at) {
            int start = at[0];
            if (pending.length() <= start) {
                return null;
            }
            if (pending.getByte(start) != prefix) {
                throw new IllegalArgumentException("expected '" + prefix + "', got '" + (char) pending.getByte(start) + "'");
            }
            for (int i = start + 1; i + 1 < pending.length(); i++) {
                if (pending.getByte(i) == '\r' && pending.getByte(i + 1) == '\n') {
                    long value = Long.parseLong(pending.getString(start + 1, i));
                    at[0] = i + 2;
                    return value;
                }
            }
            return null;
        }
    }

    @Override
    public void close() {
        for (Node node : nodes()) {
            if (node.server != null) {
                node.server.close();
            }
        }
    }
}
