package io.cachewatch.testing;

import io.cachewatch.state.StateTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** serve's state table as deploy/ defines it (pk S, sk S, on demand), and its lease items, in moto. */
public final class StateTables {
    private StateTables() {
    }

    public static void create(DynamoDbClient dynamoDb, String table) {
        dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(StateTable.PARTITION_KEY).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(StateTable.SORT_KEY).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(StateTable.PARTITION_KEY).keyType(KeyType.HASH),
                        k -> k.attributeName(StateTable.SORT_KEY).keyType(KeyType.RANGE)));
    }

    /** Sets a target's lease item as a lease holder would (holder, fence, expiry, version). */
    public static void lease(DynamoDbClient dynamoDb, String table, String target, String holder, long fence) {
        dynamoDb.putItem(b -> b.tableName(table).item(java.util.Map.of(
                StateTable.PARTITION_KEY, AttributeValue.fromS(StateTable.leaseKey(target)),
                StateTable.SORT_KEY, AttributeValue.fromS(StateTable.LEASE_SORT_KEY),
                StateTable.HOLDER, AttributeValue.fromS(holder),
                StateTable.FENCE, AttributeValue.fromN(Long.toString(fence)),
                StateTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(System.currentTimeMillis() + 30_000)),
                StateTable.VERSION, AttributeValue.fromN(Long.toString(fence)))));
    }
}
