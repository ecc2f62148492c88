package io.cachewatch.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Cache engine as the AWS APIs name it ("redis", "valkey", "memcached"). */
public enum Engine {
    REDIS("redis"),
    VALKEY("valkey"),
    MEMCACHED("memcached");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /**
     * The engine as an ElastiCache/MemoryDB response names it; absent means Redis OSS, because responses carry the
     * field only since Valkey was added (before that, Redis OSS was the only engine of replication groups and MemoryDB).
     */
    public static Engine fromApi(String engine) {
        return engine == null || engine.isBlank() ? REDIS : fromId(engine);
    }

    @JsonCreator
    public static Engine fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Engine engine : values()) {
            if (engine.id.equals(wanted)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + id + "' (expected redis, valkey or memcached)");
    }
}
