package io.cachewatch.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The facts a {@code when} condition or a {@code threshold} expression may read. The reconciler supplies
 * them per resource; a fact that does not apply to a resource (vCPUs of a serverless cache) is absent, and
 * an expression reading an absent fact evaluates to empty: the rule is skipped for that resource when the fact is one of
 * {@link #OPTIONAL}, and the cluster is a problem otherwise.
 */
public final class Facts {
    /** Fact name to a one-line description, in documentation order. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    /**
     * Facts AWS leaves absent when nothing is configured (a serverless cache without usage limits): a rule that needs
     * one is skipped for that resource. Any other absent fact is a problem of the cluster, not a reason to skip.
     */
    public static final Set<String> OPTIONAL = Set.of("ecpu_per_second_max", "storage_max_bytes");

    /** All fact names an expression may use. */
    public static final Set<String> NAMES = DESCRIPTIONS.keySet();

    private Facts() {
    }

    private static Map<String, String> descriptions() {
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("vcpus", "vCPUs of the node type (node-based nodes only)");
        docs.put("memory_bytes", "memory of the node type in bytes (node-based nodes only)");
        docs.put("ecpu_per_second_max", "ECPU/s limit configured on a serverless cache (absent when unlimited)");
        docs.put("storage_max_bytes", "data storage limit of a serverless cache in bytes (absent when unlimited)");
        docs.put("shards", "number of shards (node groups) of the cluster");
        docs.put("replicas_per_shard", "replicas in the node's shard (0 when the shard has no replicas)");
        docs.put("nodes", "number of nodes of the cluster");
        return Collections.unmodifiableMap(docs);
    }
}
