package io.cachewatch.inventory;

/** A host and port a client can connect to. */
public record Endpoint(String host, int port) {
    /** From an API endpoint's address and port; null when no address is reported (port 0 when none is). */
    public static Endpoint of(String host, Integer port) {
        return host == null || host.isBlank() ? null : new Endpoint(host, port == null ? 0 : port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
