package io.cachewatch.inventory;

/** A host and port a client can connect to. */
public record Endpoint(String host, int port) {
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
