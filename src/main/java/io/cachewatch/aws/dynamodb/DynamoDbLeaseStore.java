package io.cachewatch.aws.dynamodb;

import io.cachewatch.lease.Lease;
import io.cachewatch.lease.LeasePlan;
import io.cachewatch.lease.LeaseStore;
import io.cachewatch.lease.LeaseStoreException;
import io.cachewatch.lease.TaskBeat;
import io.cachewatch.state.StateTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Leases and task heartbeats in serve's DynamoDB state table ({@link StateTable}). A lease item is
 * {@code pk = lease#<target>, sk = lease}; a task's heartbeat is {@code pk = tasks, sk = <task id>} with its
 * {@code expiresAt} (and a {@code ttl} for DynamoDB's time to live), so one Query lists every task. Each lease write is an UpdateItem conditional on the version
 * read ({@code attribute_not_exists(pk)} for a lease never written), reads are strongly consistent. A failed condition
 * is a lost race ({@code false}); anything else — no answer within the call timeout, throttling, a missing table,
 * access denied — is a {@link LeaseStoreException} naming the table and the call.
 */
public final class DynamoDbLeaseStore implements LeaseStore {
    /** The partition of the tasks' heartbeats. */
    public static final String TASKS_PARTITION = "tasks";
    /**
     * The heartbeat's time-to-live attribute (epoch seconds, as DynamoDB's TTL reads it): with TTL enabled on it, a
     * task's heartbeat is removed a day after it was last seen, so the tasks partition does not grow with every
     * task that ever ran (task ids are new at each start).
     */
    public static final String TTL = "ttl";
    private static final Duration HEARTBEAT_KEPT = Duration.ofDays(1);
    /** BatchGetItem's limit of keys per call (DynamoDB API reference, BatchGetItem). */
    private static final int BATCH_GET_KEYS = 100;

    private final Supplier<DynamoDbClient> client;
    private final String table;
    private final Duration callTimeout;

    /**
     * @param callTimeout each call's limit, retries included: a task learns within it that the table cannot be
     *                    reached, and stops acting on its leases
     */
    public DynamoDbLeaseStore(Supplier<DynamoDbClient> client, String table, Duration callTimeout) {
        this.client = client;
        this.table = table;
        this.callTimeout = callTimeout;
    }

    @Override
    public Map<String, Lease> leases(Collection<String> targets) {
        Map<String, Lease> found = new HashMap<>();
        List<String> all = List.copyOf(targets);
        for (int from = 0; from < all.size(); from += BATCH_GET_KEYS) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + BATCH_GET_KEYS)).stream()
                    .map(t -> key(StateTable.leaseKey(t), StateTable.LEASE_SORT_KEY)).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = call("BatchGetItem", () -> client.get().batchGetItem(b -> b.requestItems(asked)
                        .overrideConfiguration(o -> o.apiCallTimeout(callTimeout))));
                response.responses().getOrDefault(table, List.of()).forEach(item -> {
                    Lease lease = lease(item);
                    found.put(lease.target(), lease);
                });
                // keys DynamoDB did not get to (throttling, size) come back to be asked again
                request = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
            }
        }
        Map<String, Lease> out = new LinkedHashMap<>();
        all.forEach(t -> out.put(t, found.getOrDefault(t, Lease.never(t))));
        return out;
    }

    @Override
    public List<TaskBeat> tasks() {
        List<TaskBeat> beats = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", StateTable.PARTITION_KEY))
                    .expressionAttributeValues(Map.of(":pk", s(TASKS_PARTITION)))
                    .overrideConfiguration(o -> o.apiCallTimeout(callTimeout));
            if (from != null) {
                query.exclusiveStartKey(from);
            }
            QueryResponse page = call("Query", () -> client.get().query(query.build()));
            page.items().forEach(item -> beats.add(new TaskBeat(item.get(StateTable.SORT_KEY).s(), number(item, StateTable.EXPIRES_AT))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return beats;
    }

    @Override
    public void beat(TaskBeat beat) {
        put(beat.task(), beat.expiresAt(), beat.expiresAt());
    }

    /** A heartbeat that has lapsed at once; DynamoDB's TTL removes it a day later (no DeleteItem permission needed). */
    @Override
    public void leave(String task) {
        put(task, 0, System.currentTimeMillis());
    }

    private void put(String task, long expiresAt, long lastSeen) {
        Map<String, AttributeValue> item = new HashMap<>(key(TASKS_PARTITION, task));
        item.put(StateTable.EXPIRES_AT, n(expiresAt));
        item.put(TTL, n(lastSeen / 1000 + HEARTBEAT_KEPT.toSeconds()));
        call("PutItem", () -> client.get().putItem(b -> b.tableName(table).item(item).overrideConfiguration(o -> o.apiCallTimeout(callTimeout))));
    }

    @Override
    public boolean write(LeasePlan.Write write) {
        Lease next = write.next();
        Map<String, String> names = new HashMap<>(Map.of("#pk", StateTable.PARTITION_KEY, "#v", StateTable.VERSION,
                "#f", StateTable.FENCE, "#e", StateTable.EXPIRES_AT, "#h", StateTable.HOLDER));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":nv", n(next.version()), ":f", n(next.fence()), ":e", n(next.expiresAt())));
        // a released lease has no holder: a state write still fenced with the old holder's number is refused at once
        String update = "SET #v = :nv, #f = :f, #e = :e" + (next.holder() == null ? " REMOVE #h" : ", #h = :h");
        if (next.holder() != null) {
            values.put(":h", s(next.holder()));
        }
        String condition;
        if (write.expected().version() == 0) {
            condition = "attribute_not_exists(#pk)";
        } else {
            condition = "attribute_exists(#pk) AND #v = :v";
            values.put(":v", n(write.expected().version()));
        }
        UpdateItemRequest request = UpdateItemRequest.builder().tableName(table)
                .key(key(StateTable.leaseKey(next.target()), StateTable.LEASE_SORT_KEY))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .overrideConfiguration(o -> o.apiCallTimeout(callTimeout)).build();
        try {
            call("UpdateItem", () -> client.get().updateItem(request));
            return true;
        } catch (LeaseStoreException e) {
            if (e.getCause() instanceof ConditionalCheckFailedException) {
                return false;
            }
            throw e;
        }
    }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw new LeaseStoreException(operation + " on " + table + ": condition failed", e);
        } catch (SdkClientException e) {
            throw new LeaseStoreException("DynamoDB table " + table + " unreachable (" + operation + "): " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new LeaseStoreException("DynamoDB table " + table + " refused " + operation + ": " + e.getMessage(), e);
        }
    }

    private static Lease lease(Map<String, AttributeValue> item) {
        String pk = item.get(StateTable.PARTITION_KEY).s();
        String target = pk.substring(StateTable.leaseKey("").length());
        AttributeValue holder = item.get(StateTable.HOLDER);
        return new Lease(target, holder == null ? null : holder.s(), number(item, StateTable.FENCE), number(item, StateTable.EXPIRES_AT),
                number(item, StateTable.VERSION));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.n() == null) {
            throw new LeaseStoreException("lease table item " + item.get(StateTable.PARTITION_KEY) + " has no number " + name, null);
        }
        return Long.parseLong(v.n());
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(StateTable.PARTITION_KEY, s(pk), StateTable.SORT_KEY, s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
