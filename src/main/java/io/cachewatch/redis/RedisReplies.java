package io.cachewatch.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parsing of INFO text, CLUSTER SHARDS and CLUSTER NODES replies (already turned into plain Java values). */
public final class RedisReplies {
    private RedisReplies() {
    }

    /** A field of an INFO reply ("run_id"), if present. */
    public static Optional<String> infoField(String info, String field) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return Optional.of(line.substring(field.length() + 1).trim());
            }
        }
        return Optional.empty();
    }

    /**
     * True when an INFO server reply is Valkey's ({@code server_name:valkey}) at version {@code since} or later, by its
     * {@code valkey_version} (Valkey also reports {@code redis_version:7.2.4} for clients that check Redis versions).
     */
    public static boolean valkeyAtLeast(String info, int[] since) {
        if (!"valkey".equalsIgnoreCase(infoField(info, "server_name").orElse(""))) {
            return false;
        }
        String[] parts = infoField(info, "valkey_version").orElse("").split("\\.");
        for (int i = 0; i < since.length; i++) {
            int have;
            try {
                have = i < parts.length ? Integer.parseInt(parts[i].trim()) : 0;
            } catch (NumberFormatException e) {
                return false;
            }
            if (have != since[i]) {
                return have > since[i];
            }
        }
        return true;
    }

    /** Replicas listed by INFO replication of a primary ("slave0:ip=10.0.0.2,port=6379,state=online,..."). */
    public static List<RedisNode> replicas(String info) {
        List<RedisNode> replicas = new ArrayList<>();
        for (String line : info.split("\r?\n")) {
            if (line.matches("slave\\d+:.*")) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (String part : line.substring(line.indexOf(':') + 1).split(",")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        fields.put(part.substring(0, eq), part.substring(eq + 1).trim());
                    }
                }
                if (fields.containsKey("ip") && fields.containsKey("port")) {
                    String host = fields.get("ip");
                    int port = Integer.parseInt(fields.get("port"));
                    replicas.add(new RedisNode(host + ":" + port, host, port, "replica"));
                }
            }
        }
        return replicas;
    }

    /**
     * Nodes of a CLUSTER SHARDS reply: per shard a map (RESP3) or flat key/value list (RESP2) with "nodes", each node
     * with id, endpoint/ip/hostname, port or tls-port, role, health. Failed nodes are skipped. Connects to the
     * hostname when the server announces one (TLS certificates name hosts, not addresses), else to the endpoint.
     */
    public static List<RedisNode> clusterShards(Object reply, boolean tls) {
        List<RedisNode> nodes = new ArrayList<>();
        for (Object shard : asList(reply)) {
            Map<String, Object> shardFields = asMap(shard);
            for (Object node : asList(shardFields.get("nodes"))) {
                Map<String, Object> n = asMap(node);
                if ("fail".equals(String.valueOf(n.get("health")))) {
                    continue;
                }
                String host = firstNonEmpty(n.get("hostname"), n.get("endpoint"), n.get("ip"));
                Object port = tls && n.get("tls-port") != null ? n.get("tls-port") : n.get("port");
                if (host == null || port == null) {
                    continue;
                }
                int p = Integer.parseInt(String.valueOf(port));
                String role = "master".equals(String.valueOf(n.get("role"))) ? "primary" : "replica";
                nodes.add(new RedisNode(host + ":" + p, host, p, role));
            }
        }
        return nodes;
    }

    /**
     * Nodes of a CLUSTER NODES reply (Redis before 7): {@code <id> <ip:port@cport[,hostname]> <flags> ...}; nodes
     * flagged fail, handshake or noaddr are skipped.
     */
    public static List<RedisNode> clusterNodes(String text) {
        List<RedisNode> nodes = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 3) {
                continue;
            }
            String flags = "," + f[2] + ",";
            if (flags.contains(",fail,") || flags.contains(",handshake,") || flags.contains(",noaddr,")) {
                continue;
            }
            String addr = f[1];
            String hostname = null;
            int comma = addr.indexOf(',');
            if (comma >= 0) {
                hostname = addr.substring(comma + 1);
                addr = addr.substring(0, comma);
            }
            int at = addr.indexOf('@');
            if (at >= 0) {
                addr = addr.substring(0, at);
            }
            int colon = addr.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            String host = hostname != null && !hostname.isEmpty() ? hostname : addr.substring(0, colon);
            int port = Integer.parseInt(addr.substring(colon + 1));
            nodes.add(new RedisNode(host + ":" + port, host, port, flags.contains(",master,") ? "primary" : "replica"));
        }
        return nodes;
    }

    private static String firstNonEmpty(Object... values) {
        for (Object v : values) {
            if (v != null && !String.valueOf(v).isEmpty() && !"?".equals(String.valueOf(v))) {
                return String.valueOf(v);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** A RESP3 map, or a RESP2 flat list of alternating keys and values. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        List<Object> list = asList(value);
        for (int i = 0; i + 1 < list.size(); i += 2) {
            map.put(String.valueOf(list.get(i)), list.get(i + 1));
        }
        return map;
    }
}
