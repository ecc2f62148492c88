package io.cachewatch.state;

/**
 * The layout of serve's one DynamoDB table ({@code cachewatch.state.table}): string partition key {@code pk}, string
 * sort key {@code sk}, on-demand capacity. Every item carries a {@code version} number; every update is conditional on
 * the version it read.
 * <ul>
 * <li>A target's lease: {@code pk = lease#<target>}, {@code sk = lease}, with {@code holder} (task id),
 * {@code fence} (raised at each takeover) and {@code expiresAt} (epoch milliseconds).</li>
 * <li>A target's state: {@code pk = target#<target>}, {@code sk = <kind>#<key>}, the value as JSON in {@code body}.
 * A write under a {@link Fence} also checks, in the same transaction, that the lease item still has that holder
 * and fence.</li>
 * </ul>
 */
public final class StateTable {
    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    public static final String VERSION = "version";
    public static final String BODY = "body";
    public static final String HOLDER = "holder";
    public static final String FENCE = "fence";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String LEASE_SORT_KEY = "lease";

    private StateTable() {
    }

    public static String leaseKey(String target) {
        return "lease#" + target;
    }

    public static String stateKey(String target) {
        return "target#" + target;
    }

    public static String itemKey(String kind, String key) {
        return kind + "#" + key;
    }
}
