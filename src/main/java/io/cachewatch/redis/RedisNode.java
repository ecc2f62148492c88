package io.cachewatch.redis;

/**
 * A Redis/Valkey node to read.
 *
 * @param label how findings name it (AWS node id when known, else host:port)
 * @param host  host name or address to connect to (TLS verifies the certificate against it)
 * @param port  port
 * @param role  "primary", "replica" or "unknown"
 */
public record RedisNode(String label, String host, int port, String role) {
    public String address() {
        return host + ":" + port;
    }
}
