package io.cachewatch.audit;

import static io.cachewatch.audit.Evidence.of;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.NodeRole;
import io.cachewatch.inventory.NodeTypes;
import io.cachewatch.posture.MemberPosture;
import io.cachewatch.usage.ClusterUsage;
import io.cachewatch.usage.ClusterUsage.NodeUsage;
import io.cachewatch.usage.Figure;
import io.cachewatch.usage.Series;
import io.cachewatch.usage.WeekHours;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks of areas cost and performance, from the cluster's CloudWatch figures over the lookback
 * ({@code cachewatch.audit.lookback}). Every verdict needs {@value #MIN_HISTORY_DAYS} days of history judged from the
 * datapoints, and the figures the check reads for the cluster's kind; a figure without datapoints is unknown, never zero.
 */
final class UsageChecks {
    static final int MIN_HISTORY_DAYS = 7;
    private static final NodeTypes NODE_TYPES = NodeTypes.standard();

    private UsageChecks() {
    }

    // --- idle-cluster -------------------------------------------------------------------------------------------------

    /**
     * ElastiCache itself holds "two to four of the connections to monitor the cluster" (ElastiCache user guide, Metrics
     * for Valkey and Redis OSS, CurrConnections), so a handful of connections still means no client.
     */
    static final double IDLE_MAX_CONNECTIONS = 5;
    static final double IDLE_MAX_COMMANDS_PER_DAY = 0;

    static final AuditCheck IDLE_CLUSTER = new AuditCheck("idle-cluster", "The cluster serves clients",
            Area.COST, List.of("EC §7 Turn off test/dev clusters when not in use", "MDB §7 Shut down non-production clusters when idle"),
            "every cluster (the shipped production profile turns it off)", Severity.MEDIUM,
            List.of("commands", "peakCommandsPerDay", "peakConnections", "lookbackDays", "historyDays", "thresholds"),
            "There is no stop API for ElastiCache or MemoryDB clusters: delete it with a final snapshot (aws elasticache"
                    + " delete-replication-group --replication-group-id … --final-snapshot-identifier …; delete-cache-cluster"
                    + " --final-snapshot-identifier for a standalone Valkey / Redis OSS cluster; delete-serverless-cache"
                    + " --final-snapshot-name; aws memorydb delete-cluster --final-snapshot-name …) and restore from the snapshot"
                    + " when it is needed again. Memcached keeps no snapshots: delete it and create it again when needed.",
            null, null, UsageChecks::idleCluster);

    static Outcome idleCluster(CheckContext ctx) {
        double maxCommands = ctx.policy().threshold("idle-max-commands-per-day", IDLE_MAX_COMMANDS_PER_DAY);
        double maxConnections = ctx.policy().threshold("idle-max-connections", IDLE_MAX_CONNECTIONS);
        Map<String, Object> thresholds = of("idle-max-commands-per-day", maxCommands, "idle-max-connections", maxConnections);
        Outcome missing = unjudgeable(ctx, thresholds, Figure.COMMANDS, Figure.CONNECTIONS_MAX);
        if (missing != null) {
            return missing;
        }
        ClusterUsage u = ctx.usage();
        Series commands = total(u, Figure.COMMANDS);
        double peakDay = commands.max().orElse(0);
        double peakConnections = maxOverNodes(u, Figure.CONNECTIONS_MAX);
        Map<String, Object> evidence = evidence(ctx, "commands", round(commands.sum()), "peakCommandsPerDay", round(peakDay),
                "peakConnections", round(peakConnections), "thresholds", thresholds);
        String what = ctx.cluster().kind() == ClusterKind.SERVERLESS ? "ECPUs" : "commands";
        if (peakDay <= maxCommands && peakConnections <= maxConnections) {
            return Outcome.fail(String.format("idle for %s days: at most %s %s a day and %s connections", fmt(days(u.history())),
                    fmt(peakDay), what, fmt(peakConnections)), evidence);
        }
        return Outcome.pass(String.format("in use: up to %s %s a day, %s connections", fmt(peakDay), what, fmt(peakConnections)), evidence);
    }

    // --- oversized-node -----------------------------------------------------------------------------------------------

    static final double OVERSIZED_CPU_P99 = 20;
    static final double OVERSIZED_MEMORY_PEAK = 40;
    static final double MEMORY_HEADROOM = 25;

    static final AuditCheck OVERSIZED_NODE = new AuditCheck("oversized-node", "The node type is not larger than the load needs",
            Area.COST, List.of("EC §7 Right-size node types (start small, scale up as needed)",
                    "MDB §7 Scale shards and replicas appropriately — don’t over-provision"),
            "ElastiCache node-based and MemoryDB on a node type of the node-type table; serverless not applicable", Severity.LOW,
            List.of("nodeType", "cpuP99", "peakMemoryPercent", "peakMemoryBytes", "smallerNodeType", "lookbackDays", "historyDays", "thresholds"),
            "Scale in place to the named node type (aws elasticache modify-replication-group --cache-node-type … --apply-immediately,"
                    + " or in the maintenance window; aws memorydb update-cluster --node-type …); Memcached clusters cannot change node"
                    + " type: create a new cluster and move clients.",
            null, null, UsageChecks::oversizedNode);

    static Outcome oversizedNode(CheckContext ctx) {
        Cluster c = ctx.cluster();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.notApplicable("serverless caches have no node type: capacity follows use");
        }
        double cpuLimit = ctx.policy().threshold("oversized-cpu-p99", OVERSIZED_CPU_P99);
        double memoryLimit = ctx.policy().threshold("oversized-memory-peak", OVERSIZED_MEMORY_PEAK);
        double headroom = ctx.policy().threshold("memory-headroom", MEMORY_HEADROOM);
        Map<String, Object> thresholds = of("oversized-cpu-p99", cpuLimit, "oversized-memory-peak", memoryLimit, "memory-headroom", headroom);
        Figure memory = Shapes.memcached(c) ? Figure.MEMORY_BYTES : Figure.MEMORY_PERCENT;
        Outcome missing = unjudgeable(ctx, thresholds, Figure.CPU_HOURLY, memory);
        if (missing != null) {
            return missing;
        }
        var current = NODE_TYPES.lookup(c.nodeType());
        if (current.isEmpty()) {
            return Outcome.unknown("node type " + c.nodeType() + " is not in the node-type table, so its memory is unknown",
                    evidence(ctx, "nodeType", c.nodeType(), "thresholds", thresholds));
        }
        long nodeMemory = current.get().memoryBytes();
        double cpu = ctx.usage().nodes().stream().map(n -> n.get(Figure.CPU_HOURLY).percentile(99)).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).max().orElse(0);
        double peak = maxOverNodes(ctx.usage(), memory);
        // DatabaseMemoryUsagePercentage is relative to maxmemory, which is below the node's memory (reserved memory): taken
        // against the whole node it overstates the bytes used, so the advice errs toward the larger type.
        double peakPercent = memory == Figure.MEMORY_BYTES ? peak * 100 / nodeMemory : peak;
        double peakBytes = memory == Figure.MEMORY_BYTES ? peak : peak / 100 * nodeMemory;
        Map<String, Object> evidence = evidence(ctx, "nodeType", c.nodeType(), "cpuP99", round(cpu), "peakMemoryPercent", round(peakPercent),
                "peakMemoryBytes", Math.round(peakBytes), "smallerNodeType", null, "thresholds", thresholds);
        if (cpu >= cpuLimit || peakPercent >= memoryLimit) {
            return Outcome.pass(String.format("CPU p99 %s %% and peak memory %s %% are not below %s %% and %s %%", fmt(cpu), fmt(peakPercent),
                    fmt(cpuLimit), fmt(memoryLimit)), evidence);
        }
        NodeTypes.NodeType smaller = NODE_TYPES.sameFamily(c.nodeType()).stream()
                .filter(t -> t.memoryBytes() < nodeMemory)
                .filter(t -> peakBytes <= t.memoryBytes() * (1 - headroom / 100))
                // Memcached's CPU is the host's, shared by its threads: fewer vCPUs carry the same load at a higher share
                .filter(t -> !Shapes.memcached(c) || cpu * current.get().vcpus() / t.vcpus() <= 100 - headroom)
                .findFirst().orElse(null);
        if (smaller == null) {
            return Outcome.pass(String.format("CPU p99 %s %% and peak memory %s %% are low, but no smaller %s type leaves %s %% memory headroom",
                    fmt(cpu), fmt(peakPercent), family(c.nodeType()), fmt(headroom)), evidence);
        }
        evidence.put("smallerNodeType", smaller.type());
        return Outcome.fail(String.format("CPU p99 %s %% and peak memory %s %% of %s: %s (%s GiB) holds the peak with %s %% headroom",
                fmt(cpu), fmt(peakPercent), c.nodeType(), smaller.type(), fmt(smaller.memoryBytes() / (double) (1L << 30)), fmt(headroom)),
                evidence);
    }

    // --- eviction-pressure --------------------------------------------------------------------------------------------

    static final double EVICTION_DAYS = 50;
    static final double EVICTION_MEMORY = 90;

    static final AuditCheck EVICTION_PRESSURE = new AuditCheck("eviction-pressure", "Keys are not evicted for lack of memory",
            Area.PERFORMANCE, List.of("EC §7 Monitor eviction metrics — if frequent, consider larger nodes or better TTL strategy",
                    "MDB §5 Set CloudWatch alarms for memory saturation (>80%), replication lag, and connection spikes"),
            "ElastiCache node-based (all engines), MemoryDB; serverless not applicable (memory grows to the cache's limit)",
            Severity.MEDIUM, List.of("daysWithEvictions", "daysWithData", "evictions", "peakMemoryPercent", "lookbackDays", "historyDays", "thresholds"),
            "Give the data more memory (a larger node type, or more shards: aws elasticache modify-replication-group-shard-configuration),"
                    + " or set TTLs on keys that may expire so the engine frees memory before it must evict.",
            null, null, UsageChecks::evictionPressure);

    static Outcome evictionPressure(CheckContext ctx) {
        Cluster c = ctx.cluster();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.notApplicable("serverless caches grow their memory up to the cache's limit");
        }
        double daysLimit = ctx.policy().threshold("eviction-days", EVICTION_DAYS);
        double memoryLimit = ctx.policy().threshold("eviction-memory", EVICTION_MEMORY);
        Map<String, Object> thresholds = of("eviction-days", daysLimit, "eviction-memory", memoryLimit);
        Figure memory = Shapes.memcached(c) ? Figure.MEMORY_BYTES : Figure.MEMORY_PERCENT;
        Outcome missing = unjudgeable(ctx, thresholds, Figure.EVICTIONS, memory);
        if (missing != null) {
            return missing;
        }
        Series evictions = total(ctx.usage(), Figure.EVICTIONS);
        long withEvictions = evictions.points().stream().filter(p -> p.value() > 0).count();
        int withData = evictions.points().size();
        double peak = maxOverNodes(ctx.usage(), memory);
        Long nodeMemory = NODE_TYPES.memoryBytesOf(c.nodeType());
        Double peakPercent = memory == Figure.MEMORY_PERCENT ? (Double) peak : nodeMemory == null ? null : peak * 100 / nodeMemory;
        Map<String, Object> evidence = evidence(ctx, "daysWithEvictions", withEvictions, "daysWithData", withData,
                "evictions", round(evictions.sum()), "peakMemoryPercent", peakPercent == null ? null : round(peakPercent), "thresholds", thresholds);
        double share = withData == 0 ? 0 : withEvictions * 100.0 / withData;
        if (share <= daysLimit) {
            return Outcome.pass(String.format("evictions on %d of %d days", withEvictions, withData), evidence);
        }
        if (peakPercent == null) {
            return Outcome.unknown("evictions on " + withEvictions + " of " + withData + " days, but node type " + c.nodeType()
                    + " is not in the node-type table, so how full memory was is unknown", evidence);
        }
        if (peakPercent < memoryLimit) {
            return Outcome.pass(String.format("evictions on %d of %d days, but memory peaked at %s %% (TTL expiry, not pressure)",
                    withEvictions, withData, fmt(peakPercent)), evidence);
        }
        return Outcome.fail(String.format("%s keys evicted on %d of %d days with memory at up to %s %%", fmt(evictions.sum()), withEvictions,
                withData, fmt(peakPercent)), evidence);
    }

    // --- ttl-coverage -------------------------------------------------------------------------------------------------

    static final double TTL_COVERAGE_MIN = 50;

    static final AuditCheck TTL_COVERAGE = new AuditCheck("ttl-coverage", "Cached keys carry a TTL",
            Area.PERFORMANCE, List.of("EC §3 Set proper TTL (Time-to-Live) values to automatically evict stale data", "EC §7 Memory efficiency and TTL management = cost efficiency"),
            "ElastiCache Valkey / Redis OSS (node-based and serverless); Memcached (no CurrVolatileItems) and MemoryDB (a durable"
                    + " database) not applicable", Severity.LOW,
            List.of("coveragePercent", "keys", "keysWithTtl", "lookbackDays", "historyDays", "thresholds"),
            "Set an expiry when writing cache entries (SET key value EX seconds, or EXPIRE after writing), so stale entries leave on"
                    + " their own and memory is not filled by keys nobody reads.",
            null, null, UsageChecks::ttlCoverage);

    static Outcome ttlCoverage(CheckContext ctx) {
        Cluster c = ctx.cluster();
        if (c.kind() == ClusterKind.MEMORYDB) {
            return Outcome.notApplicable("MemoryDB is a durable database: its keys need not expire");
        }
        if (Shapes.memcached(c)) {
            return Outcome.notApplicable("Memcached publishes no CurrVolatileItems (every item carries its own expiry)");
        }
        double min = ctx.policy().threshold("ttl-coverage-min", TTL_COVERAGE_MIN);
        Map<String, Object> thresholds = of("ttl-coverage-min", min);
        Outcome missing = unjudgeable(ctx, thresholds, Figure.ITEMS, Figure.VOLATILE_ITEMS);
        if (missing != null) {
            return missing;
        }
        TtlCoverage ttl = TtlCoverage.of(ctx.usage());
        if (ttl == null) {
            return Outcome.notApplicable("the cache held no keys over the lookback");
        }
        Map<String, Object> evidence = evidence(ctx, "coveragePercent", round(ttl.percent()), "keys", round(ttl.keys()), "keysWithTtl",
                round(ttl.withTtl()), "thresholds", thresholds);
        return ttl.percent() < min ? Outcome.fail("only " + ttl.describe(), evidence) : Outcome.pass(fmt(ttl.percent()) + " % of keys have a TTL", evidence);
    }

    /** The share of keys with a TTL: CurrVolatileItems over CurrItems, means over the lookback summed over the primaries. */
    record TtlCoverage(double keys, double withTtl, double percent) {
        /** Null when the cluster held no keys. */
        static TtlCoverage of(ClusterUsage u) {
            List<NodeUsage> holders = primaries(u);
            double keys = holders.stream().mapToDouble(n -> n.get(Figure.ITEMS).mean().orElse(0)).sum();
            double withTtl = holders.stream().mapToDouble(n -> n.get(Figure.VOLATILE_ITEMS).mean().orElse(0)).sum();
            return keys <= 0 ? null : new TtlCoverage(keys, withTtl, Math.min(100, withTtl * 100 / keys));
        }

        String describe() {
            return String.format("%s %% of keys have a TTL (%s of %s on average)", fmt(percent), fmt(withTtl), fmt(keys));
        }
    }

    // --- shard-skew ---------------------------------------------------------------------------------------------------

    static final double SHARD_SKEW_FACTOR = 1.5;

    static final AuditCheck SHARD_SKEW = new AuditCheck("shard-skew", "Load and keys are spread evenly over the shards",
            Area.PERFORMANCE, List.of("EC §3 Use Redis cluster sharding to distribute keys evenly and prevent “hot shards.”",
                    "MDB §3 Distribute hot keys evenly — avoid keys that receive a majority of requests"),
            "ElastiCache Valkey / Redis OSS in cluster mode and MemoryDB, with two shards or more; others not applicable",
            Severity.MEDIUM, List.of("skewed", "figures", "lookbackDays", "historyDays", "thresholds"),
            "Spread the keys: avoid hash tags ({…}) that pin many keys to one slot, split hot keys (key:1 … key:n), and move slots"
                    + " with online resharding (aws elasticache modify-replication-group-shard-configuration --reshardingconfiguration)"
                    + " or rebalance (MemoryDB update-cluster --shard-configuration).",
            null, null, UsageChecks::shardSkew);

    private static final Map<Figure, String> SKEW_FIGURES = Map.of(Figure.CPU_DAILY, "engineCpu", Figure.NETWORK_IN, "networkIn",
            Figure.ITEMS, "items");

    static Outcome shardSkew(CheckContext ctx) {
        Cluster c = ctx.cluster();
        if (c.kind() == ClusterKind.SERVERLESS || Shapes.memcached(c)) {
            return Outcome.notApplicable(c.kind() == ClusterKind.SERVERLESS ? "serverless caches place keys themselves"
                    : "Memcached nodes are partitioned by the client, not shards of a cluster");
        }
        if (c.kind() == ClusterKind.ELASTICACHE && !c.clusterMode()) {
            return Outcome.notApplicable("cluster mode is off: one shard holds every key");
        }
        if (c.shards().size() < 2) {
            return Outcome.notApplicable("a single shard");
        }
        double factor = ctx.policy().threshold("shard-skew-factor", SHARD_SKEW_FACTOR);
        Map<String, Object> thresholds = of("shard-skew-factor", factor);
        Outcome missing = unjudgeable(ctx, thresholds, Figure.CPU_DAILY, Figure.NETWORK_IN, Figure.ITEMS);
        if (missing != null) {
            return missing;
        }
        List<NodeUsage> primaries = ctx.usage().nodes().stream().filter(UsageChecks::isPrimary).toList();
        Set<String> shardsWithPrimary = primaries.stream().map(NodeUsage::shard).collect(Collectors.toSet());
        if (shardsWithPrimary.size() != c.shards().size() || primaries.size() != c.shards().size()) {
            return Outcome.unknown("the primary of every shard is not known (" + primaries.size() + " primaries reported for "
                    + c.shards().size() + " shards)", evidence(ctx, "thresholds", thresholds));
        }
        Map<String, Object> figures = new TreeMap<>();
        List<String> skewed = new ArrayList<>();
        for (Map.Entry<Figure, String> figure : new TreeMap<>(SKEW_FIGURES).entrySet()) {
            Skew skew = skew(primaries, figure.getKey());
            if (skew == null) {
                figures.put(figure.getValue(), null);
                continue;
            }
            figures.put(figure.getValue(), of("busiest", skew.busiest(), "busiestValue", round(skew.max()), "mean", round(skew.mean()),
                    "factor", round(skew.factor())));
            if (skew.factor() > factor) {
                skewed.add(figure.getValue() + " " + fmt(skew.factor()) + "× the mean on " + skew.busiest());
            }
        }
        Map<String, Object> evidence = evidence(ctx, "skewed", skewed, "figures", figures, "thresholds", thresholds);
        if (figures.values().stream().allMatch(Objects::isNull)) {
            return Outcome.unknown("no figure could be compared: a primary has no datapoints or every primary is at zero", evidence);
        }
        return skewed.isEmpty() ? Outcome.pass("no primary above " + fmt(factor) + "× the mean of the primaries", evidence)
                : Outcome.fail("hot shard: " + String.join("; ", skewed), evidence);
    }

    /** The busiest primary against the mean of all primaries; null when a primary has no data or the mean is zero. */
    record Skew(String busiest, double max, double mean, double factor) {
    }

    static Skew skew(List<NodeUsage> primaries, Figure figure) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (NodeUsage p : primaries) {
            OptionalDouble v = p.get(figure).mean();
            if (v.isEmpty()) {
                return null;
            }
            values.put(p.label(), v.getAsDouble());
        }
        double mean = values.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (values.isEmpty() || mean <= 0) {
            return null;
        }
        Map.Entry<String, Double> busiest = values.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new Skew(busiest.getKey(), busiest.getValue(), mean, busiest.getValue() / mean);
    }

    // --- connection-churn ---------------------------------------------------------------------------------------------

    static final double CHURN_MIN_NEW_PER_MINUTE = 10;
    static final double CHURN_RATIO = 1;

    static final AuditCheck CONNECTION_CHURN = new AuditCheck("connection-churn", "Clients reuse their connections",
            Area.PERFORMANCE, List.of("EC §3 Tune connection pooling on the client side",
                    "MDB §3 Tune client timeouts and connection pools for large workloads"),
            "every cluster", Severity.LOW,
            List.of("newConnectionsPerMinute", "averageConnections", "ratio", "lookbackDays", "historyDays", "thresholds"),
            "Use a connection pool (or one long-lived multiplexed client) per process instead of a connection per request; with"
                    + " TLS every new connection also costs a handshake on the engine.",
            null, null, UsageChecks::connectionChurn);

    static Outcome connectionChurn(CheckContext ctx) {
        double minNew = ctx.policy().threshold("churn-min-new-per-minute", CHURN_MIN_NEW_PER_MINUTE);
        double ratioLimit = ctx.policy().threshold("churn-ratio", CHURN_RATIO);
        Map<String, Object> thresholds = of("churn-min-new-per-minute", minNew, "churn-ratio", ratioLimit);
        Outcome missing = unjudgeable(ctx, thresholds, Figure.NEW_CONNECTIONS, Figure.CONNECTIONS_AVERAGE);
        if (missing != null) {
            return missing;
        }
        double perMinute = ctx.usage().nodes().stream().mapToDouble(n -> n.get(Figure.NEW_CONNECTIONS).mean().orElse(0)).sum() / (24 * 60);
        double open = ctx.usage().nodes().stream().mapToDouble(n -> n.get(Figure.CONNECTIONS_AVERAGE).mean().orElse(0)).sum();
        double ratio = perMinute / Math.max(1, open);
        Map<String, Object> evidence = evidence(ctx, "newConnectionsPerMinute", round(perMinute), "averageConnections", round(open),
                "ratio", round(ratio), "thresholds", thresholds);
        if (perMinute >= minNew && ratio >= ratioLimit) {
            return Outcome.fail(String.format("%s new connections a minute against %s open on average (%s× a minute)", fmt(perMinute),
                    fmt(open), fmt(ratio)), evidence);
        }
        return Outcome.pass(String.format("%s new connections a minute, %s open on average", fmt(perMinute), fmt(open)), evidence);
    }

    // --- maintenance-window-busy --------------------------------------------------------------------------------------

    static final AuditCheck MAINTENANCE_WINDOW_BUSY = new AuditCheck("maintenance-window-busy", "Maintenance happens in a quiet hour",
            Area.PERFORMANCE, List.of("EC §6 Apply maintenance updates during low-traffic windows",
                    "MDB §6 Schedule maintenance windows during off-peak hours"),
            "ElastiCache node-based, MemoryDB; serverless not applicable (no maintenance window)", Severity.LOW,
            List.of("maintenanceWindow", "busyHours", "proposedWindow", "quietestHourLoad", "busiestQuarterFrom", "lookbackDays", "historyDays"),
            "Move the window to the proposed hour, in place: aws elasticache modify-replication-group --preferred-maintenance-window"
                    + " … (modify-cache-cluster for a standalone cluster); aws memorydb update-cluster --maintenance-window ….",
            null, null, UsageChecks::maintenanceWindowBusy);

    /** Load that varies less than this across the week's hours has no busy hours to avoid. */
    static final double FLAT_LOAD_FACTOR = 1.25;

    static Outcome maintenanceWindowBusy(CheckContext ctx) {
        Cluster c = ctx.cluster();
        if (c.kind() == ClusterKind.SERVERLESS) {
            return Outcome.notApplicable("serverless caches have no maintenance window");
        }
        Shapes.Members<String> windows = Shapes.members(c, MemberPosture::maintenanceWindow);
        Map<String, Object> thresholds = of();
        Outcome missing = unjudgeable(ctx, thresholds, Figure.CPU_HOURLY);
        if (missing != null) {
            return missing;
        }
        if (windows.byMember().isEmpty() || windows.anyUnknown()) {
            return Outcome.unknown(ctx.posture().whyUnknown("maintenanceWindow"), evidence(ctx, "maintenanceWindow", windows.evidence()));
        }
        double[] load = hourOfWeekLoad(ctx.usage());
        TreeSet<Integer> known = new TreeSet<>();
        for (int h = 0; h < WeekHours.HOURS; h++) {
            if (!Double.isNaN(load[h])) {
                known.add(h);
            }
        }
        List<Integer> ranked = known.stream().sorted(Comparator.comparingDouble((Integer h) -> load[h]).reversed()
                .thenComparing(Comparator.naturalOrder())).toList();
        // the busiest quarter: every hour at least as loaded as the ⌈n/4⌉-th busiest (hours tied with it count too)
        double threshold = load[ranked.get((int) Math.ceil(ranked.size() / 4.0) - 1)];
        List<Integer> busiest = ranked.stream().filter(h -> load[h] >= threshold).toList();
        int quietest = known.stream().min(Comparator.comparingDouble((Integer h) -> load[h]).thenComparing(Comparator.naturalOrder())).orElseThrow();
        List<String> busy = new ArrayList<>();
        for (String window : new TreeSet<>(windows.byMember().values())) {
            List<Integer> hours = WeekHours.window(window);
            if (hours == null) {
                return Outcome.unknown("maintenance window '" + window + "' is not in the form ddd:hh24:mi-ddd:hh24:mi",
                        evidence(ctx, "maintenanceWindow", windows.evidence()));
            }
            hours.stream().filter(busiest::contains).forEach(h -> busy.add(WeekHours.name(h) + " (" + fmt(load[h]) + ")"));
        }
        Map<String, Object> evidence = evidence(ctx, "maintenanceWindow", windows.evidence(), "busyHours", busy,
                "proposedWindow", WeekHours.oneHourWindow(quietest), "quietestHourLoad", round(load[quietest]),
                "busiestQuarterFrom", round(threshold));
        double top = load[ranked.get(0)];
        if (top <= FLAT_LOAD_FACTOR * load[quietest]) {
            return Outcome.pass(String.format("load is flat over the week (%s to %s %% engine CPU): no busy hours to avoid",
                    fmt(load[quietest]), fmt(top)), evidence);
        }
        if (busy.isEmpty()) {
            return Outcome.pass("the window " + windows.evidence() + " is outside the busiest quarter of the week's hours", evidence);
        }
        return Outcome.fail("the window " + windows.evidence() + " falls in the busiest quarter of the week's hours (" + String.join(", ", busy)
                + " % engine CPU); quietest: " + WeekHours.oneHourWindow(quietest) + " (" + fmt(load[quietest]) + " %)", evidence);
    }

    /**
     * Mean over the lookback of each hour of the week of the cluster's load: per hour, the mean over the nodes of their
     * hourly peak CPU; NaN for an hour without datapoints.
     */
    static double[] hourOfWeekLoad(ClusterUsage usage) {
        Map<Instant, List<Double>> byHour = new TreeMap<>();
        usage.nodes().forEach(n -> n.get(Figure.CPU_HOURLY).points().forEach(p -> byHour.computeIfAbsent(p.at(), k -> new ArrayList<>()).add(p.value())));
        double[] sum = new double[WeekHours.HOURS];
        int[] count = new int[WeekHours.HOURS];
        byHour.forEach((at, values) -> {
            int h = WeekHours.of(at);
            sum[h] += values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            count[h]++;
        });
        double[] mean = new double[WeekHours.HOURS];
        for (int h = 0; h < WeekHours.HOURS; h++) {
            mean[h] = count[h] == 0 ? Double.NaN : sum[h] / count[h];
        }
        return mean;
    }

    // --- shared -------------------------------------------------------------------------------------------------------

    /**
     * Unknown when the figures are not there to judge: usage not read, under {@value #MIN_HISTORY_DAYS} days of history,
     * or a figure the check needs without a single datapoint. Null when the check may judge.
     */
    static Outcome unjudgeable(CheckContext ctx, Map<String, Object> thresholds, Figure... figures) {
        ClusterUsage u = ctx.usage();
        if (u == null) {
            return Outcome.unknown(ctx.usageUnknown() == null ? "usage was not read" : ctx.usageUnknown(), of("thresholds", thresholds));
        }
        if (u.nodes().isEmpty()) {
            return Outcome.unknown("no nodes were discovered, so there are no metrics to read", evidence(ctx, "thresholds", thresholds));
        }
        if (u.history().compareTo(Duration.ofDays(MIN_HISTORY_DAYS)) < 0) {
            return Outcome.unknown(String.format("only %s days of metric history (at least %d needed to judge)", fmt(days(u.history())),
                    MIN_HISTORY_DAYS), evidence(ctx, "thresholds", thresholds));
        }
        for (Figure f : figures) {
            if (u.nodes().stream().noneMatch(n -> n.has(f))) {
                throw new IllegalStateException("figure " + f + " is not read for " + ctx.cluster().key()); // a check asked a kind's missing figure
            }
            if (u.nodes().stream().allMatch(n -> n.get(f).isEmpty())) {
                return Outcome.unknown("no datapoints for " + f.name().toLowerCase().replace('_', ' ') + " over the lookback",
                        evidence(ctx, "thresholds", thresholds));
            }
        }
        return null;
    }

    /** The evidence of a usage result: the given fields, then the lookback and the history in days. */
    static Map<String, Object> evidence(CheckContext ctx, Object... fields) {
        Map<String, Object> e = of(fields);
        ClusterUsage u = ctx.usage();
        e.put("lookbackDays", u == null ? null : days(u.lookback()));
        e.put("historyDays", u == null ? null : days(u.history()));
        return e;
    }

    /** The cluster's figure summed over its nodes, per period. */
    static Series total(ClusterUsage u, Figure figure) {
        return Series.sumOf(u.nodes().stream().map(n -> n.get(figure)).toList());
    }

    static double maxOverNodes(ClusterUsage u, Figure figure) {
        return u.nodes().stream().map(n -> n.get(figure).max()).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble)
                .max().orElse(0);
    }

    /**
     * A primary as discovery reports it, or, where discovery reports no role (cluster mode: CurrentRole is returned for
     * cluster-mode-disabled groups only), by its last IsPrimary datapoint.
     */
    static boolean isPrimary(NodeUsage n) {
        if (n.role() != NodeRole.UNKNOWN) {
            return n.role() == NodeRole.PRIMARY;
        }
        List<Series.Point> points = n.get(Figure.IS_PRIMARY).points();
        return !points.isEmpty() && points.get(points.size() - 1).value() >= 1;
    }

    /** The nodes that hold each key once: the primaries when roles are known, else every node (a serverless cache). */
    static List<NodeUsage> primaries(ClusterUsage u) {
        List<NodeUsage> primaries = u.nodes().stream().filter(UsageChecks::isPrimary).toList();
        return primaries.isEmpty() ? u.nodes() : primaries;
    }

    private static String family(String nodeType) {
        return nodeType.substring(0, nodeType.lastIndexOf('.'));
    }

    static double days(Duration d) {
        return round(d.getSeconds() / 86400.0);
    }

    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    static String fmt(double v) {
        return BigDecimal.valueOf(round(v)).stripTrailingZeros().toPlainString();
    }
}
