package io.cachewatch.collect;

import io.cachewatch.config.UsageException;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.Endpoint;
import io.cachewatch.inventory.Node;
import io.cachewatch.redis.RedisNode;
import io.cachewatch.redis.RedisTarget;
import io.cachewatch.slowlog.ClusterRead;
import io.cachewatch.slowlog.NodeFailure;
import io.cachewatch.slowlog.SlowlogCluster;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;


/**
 * Which nodes of a discovered fleet the slow-log reader connects to, how (TLS, credentials) and which clusters are
 * skipped (Memcached has no slow log; serverless caches do not serve SLOWLOG).
 */
final class SlowlogTargets {
    /** @param unreadable clusters known to fail before any connection (their secret could not be used) */
    public record Plan(List<RedisTarget> targets, List<String> skipped, List<ClusterRead> unreadable) {
        /** A poll's reads followed by the clusters that could not be read at all, reported like node failures. */
        public List<ClusterRead> withUnreadable(List<ClusterRead> reads) {
            List<ClusterRead> all = new ArrayList<>(reads);
            all.addAll(unreadable);
            return all;
        }
    }

    private SlowlogTargets() {
    }

    public static Plan of(List<Cluster> clusters, CachewatchConfig.Slowlog config, List<String> only, SlowlogCredentials credentials) {
        List<RedisTarget> targets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<ClusterRead> unreadable = new ArrayList<>();
        for (Cluster c : clusters) {
            if (only != null && !only.isEmpty() && !only.contains(c.id())) {
                continue;
            }
            if (c.engine() == Engine.MEMCACHED || c.kind() == ClusterKind.SERVERLESS) {
                skipped.add(c.id() + ": " + (c.engine() == Engine.MEMCACHED ? "memcached has no slow log" : "serverless caches do not serve SLOWLOG"));
                continue;
            }
            SlowlogCluster cluster = new SlowlogCluster(c.region(), c.id(), c.engine().id(), c.ref().kind());
            SlowlogCredentials.Resolved creds = credentials.of(c);
            if (creds.failure() != null) {
                unreadable.add(new ClusterRead(cluster, List.of(), List.of(new NodeFailure(c.id(), "-", creds.failure()))));
                continue;
            }
            String user = creds.username();
            String password = creds.password();
            String override = config.endpointOverrides().get(c.id());
            if (override != null) {
                targets.add(fromUri(cluster, override, user, password));
                continue;
            }
            boolean tls = c.tls() || c.kind() == ClusterKind.MEMORYDB;
            List<RedisNode> seeds = new ArrayList<>();
            for (Node n : c.nodes()) {
                if (n.endpoint() != null && n.endpoint().port() > 0) {
                    String label = c.kind() == ClusterKind.ELASTICACHE ? n.cacheClusterId() : n.id();
                    seeds.add(new RedisNode(label, n.endpoint().host(), n.endpoint().port(), n.role().id()));
                }
            }
            boolean follow = c.clusterMode() || seeds.isEmpty();
            Endpoint endpoint = c.endpoint();
            if (follow && endpoint != null && endpoint.port() > 0) {
                seeds.add(0, new RedisNode(endpoint.toString(), endpoint.host(), endpoint.port(), "unknown"));
            }
            if (seeds.isEmpty()) {
                skipped.add(c.id() + ": discovery reported no endpoint (set cachewatch.slowlog.endpoint-overrides." + c.id() + ")");
                continue;
            }
            targets.add(new RedisTarget(cluster, seeds, tls, follow, user, password));
        }
        return new Plan(targets, skipped, unreadable);
    }

    /** redis://[user:password@]host:port or rediss://…; the URI's credentials win over the configured ones. */
    static RedisTarget fromUri(SlowlogCluster cluster, String text, String user, String password) {
        URI uri = URI.create(text.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("redis") && !scheme.equals("rediss") || uri.getHost() == null) {
            throw new UsageException("cachewatch.slowlog.endpoint-overrides." + cluster.id() + ": expected redis://host:port or rediss://host:port");
        }
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            String u = colon < 0 ? "" : info.substring(0, colon);
            user = u.isEmpty() ? null : URLDecoder.decode(u, StandardCharsets.UTF_8);
            password = URLDecoder.decode(colon < 0 ? info : info.substring(colon + 1), StandardCharsets.UTF_8);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 6379;
        RedisNode seed = new RedisNode(uri.getHost() + ":" + port, uri.getHost(), port, "unknown");
        return new RedisTarget(cluster, List.of(seed), scheme.equals("rediss"), true, user, password);
    }

}
