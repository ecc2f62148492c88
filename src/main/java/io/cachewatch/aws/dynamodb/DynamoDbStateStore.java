package io.cachewatch.aws.dynamodb;

import io.cachewatch.state.Fence;
import io.cachewatch.state.FenceLostException;
import io.cachewatch.state.StateChange;
import io.cachewatch.state.StateChanges;
import io.cachewatch.state.StateItems;
import io.cachewatch.state.StateSnapshot;
import io.cachewatch.state.StateStore;
import io.cachewatch.state.StateTable;
import io.cachewatch.state.StoreUnavailableException;
import io.cachewatch.state.TargetState;
import io.cachewatch.state.VersionRaceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The state store in serve's DynamoDB table ({@link StateTable}): a target's state is the items under
 * {@code pk = target#<target>}, read with one strongly consistent Query (paged past 1 MB), written as the items that
 * changed. Every put and delete is conditional on the version read ({@code attribute_not_exists(pk)} for a new item),
 * and every write is a TransactWriteItems (at most 100 actions, "TransactWriteItems", DynamoDB API Reference) that,
 * under a {@link Fence}, starts with a ConditionCheck on the lease item ({@code holder = :h AND fence = :n}): a task
 * that lost its lease writes nothing. A write of more than one transaction's worth (a target's first poll of many
 * nodes) goes in several, each checked on its own, in the order {@link StateChanges} gives.
 *
 * <p>Errors become the port's: a cancelled transaction whose lease check failed is {@link FenceLostException}, whose
 * item check failed (or that met another transaction on an item) is {@link VersionRaceException}; anything else
 * (no connection, throttling after the SDK's retries, access denied, no such table) is
 * {@link StoreUnavailableException}, naming the table and region.
 */
public final class DynamoDbStateStore implements StateStore {
    /** TransactWriteItems takes at most 100 actions (DynamoDB API Reference, TransactWriteItems, "TransactItems"). */
    static final int MAX_ACTIONS = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String region;

    public DynamoDbStateStore(DynamoDbClient dynamoDb, String table, String region) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.region = region;
    }

    @Override
    public StateSnapshot read(String target) {
        Map<String, String> bodies = new TreeMap<>();
        Map<String, Long> versions = new HashMap<>();
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", StateTable.PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", s(StateTable.stateKey(target))));
        Map<String, AttributeValue> start = null;
        try {
            do {
                QueryResponse page = dynamoDb.query(query.exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> item : page.items()) {
                    String sk = item.get(StateTable.SORT_KEY).s();
                    AttributeValue body = item.get(StateTable.BODY);
                    AttributeValue version = item.get(StateTable.VERSION);
                    if (body == null || version == null) {
                        throw new StoreUnavailableException(where() + ": item " + StateTable.stateKey(target) + "/" + sk
                                + " has no " + (body == null ? StateTable.BODY : StateTable.VERSION) + " attribute (not written by cachewatch)", null);
                    }
                    bodies.put(sk, body.s());
                    versions.put(sk, Long.parseLong(version.n()));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw unavailable("read the state of target " + target, e);
        }
        TargetState state;
        try {
            state = StateItems.decode(bodies);
        } catch (IllegalArgumentException e) {
            throw new StoreUnavailableException(where() + ": target " + target + ": " + e.getMessage(), e);
        }
        return new StateSnapshot(target, state, versions);
    }

    @Override
    public StateSnapshot write(StateSnapshot before, TargetState after, Fence fence) {
        if (fence != null && !fence.target().equals(before.target())) {
            throw new IllegalArgumentException("fence of target " + fence.target() + " used to write target " + before.target());
        }
        List<StateChange> changes = StateChanges.between(before, after);
        int room = fence == null ? MAX_ACTIONS : MAX_ACTIONS - 1;
        Map<String, Long> versions = before.versions();
        for (int from = 0; from < changes.size(); from += room) {
            List<StateChange> chunk = changes.subList(from, Math.min(changes.size(), from + room));
            transact(before.target(), chunk, fence);
            versions = StateChanges.versionsAfter(versions, chunk);
        }
        return new StateSnapshot(before.target(), after, versions);
    }

    private void transact(String target, List<StateChange> chunk, Fence fence) {
        List<TransactWriteItem> actions = new ArrayList<>();
        if (fence != null) {
            actions.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                    .key(key(StateTable.leaseKey(target), StateTable.LEASE_SORT_KEY))
                    .conditionExpression("#h = :h AND #f = :n")
                    .expressionAttributeNames(Map.of("#h", StateTable.HOLDER, "#f", StateTable.FENCE))
                    .expressionAttributeValues(Map.of(":h", s(fence.holder()), ":n", n(fence.number())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
        }
        for (StateChange c : chunk) {
            actions.add(action(target, c));
        }
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(actions));
        } catch (TransactionCanceledException e) {
            throw cancelled(target, chunk, fence, e);
        } catch (SdkException e) {
            throw unavailable("write the state of target " + target, e);
        }
    }

    private TransactWriteItem action(String target, StateChange c) {
        Map<String, AttributeValue> key = key(StateTable.stateKey(target), c.sortKey());
        String condition = c.expectedVersion() == null ? "attribute_not_exists(#pk)" : "#v = :v";
        Map<String, String> names = c.expectedVersion() == null ? Map.of("#pk", StateTable.PARTITION_KEY) : Map.of("#v", StateTable.VERSION);
        Map<String, AttributeValue> values = c.expectedVersion() == null ? null : Map.of(":v", n(c.expectedVersion()));
        if (c.delete()) {
            return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
        }
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(StateTable.BODY, s(c.body()));
        item.put(StateTable.VERSION, n(c.nextVersion()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
    }

    /**
     * A cancelled transaction's reasons come in the order of its actions ("TransactionCanceledException", DynamoDB API
     * Reference): the lease check first under a fence, then the changes.
     */
    private RuntimeException cancelled(String target, List<StateChange> chunk, Fence fence, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        int offset = fence == null ? 0 : 1;
        if (fence != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
            Map<String, AttributeValue> lease = reasons.get(0).hasItem() ? reasons.get(0).item() : Map.of();
            String now = lease.isEmpty() ? "no lease item" : "holder " + text(lease.get(StateTable.HOLDER)) + " with fence "
                    + text(lease.get(StateTable.FENCE));
            return new FenceLostException(fence, where() + ": target " + target + ": lease lost: written under holder "
                    + fence.holder() + " fence " + fence.number() + ", the lease now has " + now + "; nothing was written", e);
        }
        List<String> raced = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (int i = offset; i < reasons.size(); i++) {
            String code = reasons.get(i).code();
            if (code == null || code.equals("None")) {
                continue;
            }
            StateChange c = chunk.get(Math.min(chunk.size() - 1, i - offset));
            String what = c.sortKey() + (c.expectedVersion() == null ? " (read as absent)" : " (read at version " + c.expectedVersion() + ")");
            if (code.equals("ConditionalCheckFailed") || code.equals("TransactionConflict")) {
                raced.add(what + (code.equals("TransactionConflict") ? " being written by another transaction" : " changed since"));
            } else {
                other.add(what + ": " + code + (reasons.get(i).message() == null ? "" : " " + reasons.get(i).message()));
            }
        }
        if (!other.isEmpty()) {
            return new StoreUnavailableException(where() + ": target " + target + ": write cancelled: " + String.join("; ", other), e);
        }
        if (raced.isEmpty()) {
            return new StoreUnavailableException(where() + ": target " + target + ": write cancelled without a reason: " + e.getMessage(), e);
        }
        return new VersionRaceException(where() + ": target " + target + ": another writer got there first: " + String.join("; ", raced)
                + "; nothing of this write was recorded, read again", e);
    }

    private StoreUnavailableException unavailable(String doing, SdkException e) {
        String why;
        if (e instanceof ResourceNotFoundException) {
            why = "no such table (create it: docs/deploy.md, \"High availability\")";
        } else if (e instanceof DynamoDbException d && d.awsErrorDetails() != null) {
            why = d.awsErrorDetails().errorCode() + ": " + d.awsErrorDetails().errorMessage();
        } else if (e instanceof SdkClientException) {
            why = "unreachable: " + e.getMessage();
        } else {
            why = e.getMessage();
        }
        return new StoreUnavailableException(where() + ": cannot " + doing + ": " + why, e);
    }

    @Override
    public String describe() {
        return where();
    }

    private String where() {
        return "DynamoDB table " + table + " (" + region + ")";
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

    private static String text(AttributeValue v) {
        return v == null ? "none" : v.s() != null ? v.s() : v.n();
    }
}
