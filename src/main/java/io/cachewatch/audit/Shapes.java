package io.cachewatch.audit;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import io.cachewatch.posture.MemberPosture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/** Questions about a cluster's shape that several checks ask. */
final class Shapes {
    private Shapes() {
    }

    static boolean nodeBased(Cluster c) {
        return c.kind() == ClusterKind.ELASTICACHE;
    }

    static boolean memcached(Cluster c) {
        return c.engine() == Engine.MEMCACHED;
    }

    /**
     * A standalone cache cluster: discovery says so, or (an inventory written before it did) its nodes belong to a cache
     * cluster of its own id, which a replication group's members never do.
     */
    static boolean standalone(Cluster c) {
        return nodeBased(c) && (Boolean.TRUE.equals(c.standalone())
                || !c.nodes().isEmpty() && c.nodes().stream().allMatch(n -> n.cacheClusterId().equals(c.id())));
    }

    static boolean replicationGroup(Cluster c) {
        return nodeBased(c) && !memcached(c) && !standalone(c);
    }

    static String engineName(Cluster c) {
        return switch (c.engine()) {
            case REDIS -> "Redis OSS";
            case VALKEY -> "Valkey";
            case MEMCACHED -> "Memcached";
        };
    }

    static String kindName(Cluster c) {
        if (c.kind() == ClusterKind.SERVERLESS) {
            return "serverless cache";
        }
        if (c.kind() == ClusterKind.MEMORYDB) {
            return "MemoryDB cluster";
        }
        return replicationGroup(c) ? "replication group" : "cache cluster";
    }

    /**
     * One member-level field over every member: {@code value} when all members agree, else a map member → value so the
     * evidence names the ones that differ. Unknown (null) values take part like any other.
     */
    record Members<T>(Map<String, T> byMember) {
        boolean agree() {
            return byMember.values().stream().distinct().count() <= 1;
        }

        boolean anyUnknown() {
            return byMember.isEmpty() || byMember.values().stream().anyMatch(Objects::isNull);
        }

        boolean any(java.util.function.Predicate<T> test) {
            return byMember.values().stream().filter(Objects::nonNull).anyMatch(test);
        }

        List<String> where(java.util.function.Predicate<T> test) {
            return byMember.entrySet().stream().filter(e -> e.getValue() != null && test.test(e.getValue())).map(Map.Entry::getKey).toList();
        }

        /** Evidence: the common value when the members agree, else every member's value. */
        Object evidence() {
            if (agree()) {
                return byMember.isEmpty() ? null : byMember.values().iterator().next();
            }
            return new LinkedHashMap<>(byMember);
        }
    }

    static <T> Members<T> members(Cluster c, Function<MemberPosture, T> field) {
        Map<String, T> values = new TreeMap<>();
        if (c.posture() != null) {
            for (MemberPosture m : c.posture().members()) {
                values.put(m.id(), field.apply(m));
            }
        }
        return new Members<>(values);
    }
}
