package io.cachewatch.alarm;

/**
 * Deterministic, unique alarm names under a prefix:
 * {@code <prefix><kind>/<cacheClusterId>/<nodeId>/<rule>} for node alarms and {@code <prefix><kind>/<id>/<rule>} for
 * cluster alarms, where kind is the cluster's identity kind ({@link io.cachewatch.inventory.ClusterRef}: a
 * replication group and a standalone cache cluster of the same id are named apart). Segments are separated by '/', which neither cluster ids nor rule ids may contain, so two different
 * owners never share a name. Names over CloudWatch's 255-character limit keep their head and end in a hash of the
 * whole name.
 */
public record AlarmNaming(String prefix) {
    /** CloudWatch's limit on AlarmName. */
    public static final int MAX_LENGTH = 255;

    public AlarmNaming {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("alarm name prefix must not be empty: it is how cachewatch knows its own alarms");
        }
        if (prefix.length() > 64) {
            throw new IllegalArgumentException("alarm name prefix is longer than 64 characters");
        }
    }

    public String nodeAlarm(String kind, String cacheClusterId, String nodeId, String rule) {
        return fit(prefix + kind + "/" + cacheClusterId + "/" + nodeId + "/" + rule);
    }

    public String clusterAlarm(String kind, String clusterId, String rule) {
        return fit(prefix + kind + "/" + clusterId + "/" + rule);
    }

    /** The kind segment of a managed alarm's name (names keep their head when shortened, so it is always there). */
    public String kindOf(String alarmName) {
        String rest = alarmName.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    public boolean owns(String alarmName) {
        return alarmName.startsWith(prefix);
    }

    static String fit(String name) {
        return Names.fit(name, MAX_LENGTH, '~');
    }
}
