package io.cachewatch.slowlog;

/** The cluster a node belongs to, as findings and messages name it. */
public record SlowlogCluster(String region, String id, String engine, String kind) {
    public String key() {
        return region + "/" + kind + "/" + id;
    }
}
