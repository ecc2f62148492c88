package io.cachewatch.dashboard;

import io.cachewatch.alarm.Names;
import io.cachewatch.inventory.Cluster;

/**
 * Deterministic dashboard names. Dashboards are global, not regional, so every name carries its region:
 * {@code <prefix><region>-<kind>-<cluster id>} per cluster ({@code cachewatch-us-east-1-memorydb-ledger}), with
 * {@code --page-<n>} for the second and later pages of a split cluster, and {@code <prefix><region>--fleet} for the
 * region's overview. The kind (the cluster's identity kind) is part of the name because ElastiCache and MemoryDB may
 * both have a cluster called {@code ledger}, and a replication group and a standalone cache cluster may both be
 * {@code orders}. Cluster ids never contain two hyphens in a row (ElastiCache and MemoryDB naming rules), so
 * {@code --} cannot clash with a cluster's own name.
 */
public record DashboardNaming(String prefix) {
    /** CloudWatch's limit on DashboardName. */
    public static final int MAX_LENGTH = 255;
    /** Room kept for a page suffix so that a long cluster name keeps its pages apart. */
    private static final int SUFFIX_ROOM = 12;

    public DashboardNaming {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("dashboard name prefix must not be empty: it is how cachewatch knows its own dashboards");
        }
        if (!prefix.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("dashboard name prefix '" + prefix + "' must be 1–64 characters of A-Z a-z 0-9 - _");
        }
    }

    /** Page 1 is the base name; page n > 1 appends {@code --page-n}. The kind is the cluster's identity kind. */
    public String cluster(Cluster cluster, int page) {
        return page(base(cluster, cluster.ref().kind()), page);
    }

    /**
     * Page 1 of the name the cluster's dashboard had before names carried the identity kind (a standalone cache
     * cluster was {@code elasticache}, like a replication group): recognised so that an upgrade replaces it.
     */
    public String formerCluster(Cluster cluster) {
        return base(cluster, cluster.kind().id());
    }

    private String base(Cluster cluster, String kind) {
        return Names.fit(clean(prefix + cluster.region() + "-" + kind + "-" + cluster.id()), MAX_LENGTH - SUFFIX_ROOM, '-');
    }

    /** Page 1 of a dashboard is its base name; page n > 1 appends {@code --page-n}. */
    static String page(String base, int page) {
        return page <= 1 ? base : base + "--page-" + page;
    }

    /** True when {@code name} is page 1 of the dashboard {@code base} or one of its later pages. */
    public static boolean isPageOf(String name, String base) {
        return name.equals(base) || name.startsWith(base + "--page-");
    }

    public String fleet(String region) {
        return prefix + clean(region) + "--fleet";
    }

    /** Every managed dashboard of a region starts with this. */
    public String regionPrefix(String region) {
        return prefix + clean(region) + "-";
    }

    /** Dashboard names allow only A-Z a-z 0-9 - _; anything else becomes '-'. */
    static String clean(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
