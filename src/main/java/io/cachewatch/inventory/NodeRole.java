package io.cachewatch.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Replication role of a node as last reported by the AWS API; roles change on failover. */
public enum NodeRole {
    PRIMARY,
    REPLICA,
    /** Memcached nodes, and APIs that do not report a role. */
    UNKNOWN;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static NodeRole fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
