package io.cachewatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** deploy/iam-policy.json against the AWS operations cachewatch was seen calling. */
public final class IamPolicy {
    /**
     * Operations authorized by an action of another name: SNS has no PublishBatch action, PublishBatch is authorized
     * by sns:Publish (SNS API reference, PublishBatch; Service Authorization Reference lists no sns:PublishBatch). The
     * Resource Groups Tagging API's actions have the prefix {@code tag} (Service Authorization Reference, "Actions
     * defined by Amazon Resource Group Tagging API"). DynamoDB's TransactWriteItems has no action either: each action
     * in it is authorized by the action of its kind ("Using IAM with DynamoDB transactions", DynamoDB Developer Guide).
     */
    private static final Map<String, String> AUTHORIZED_BY = Map.of("Sns.PublishBatch", "sns:Publish",
            "ResourceGroupsTaggingApi.GetResources", "tag:GetResources", "DynamoDb.TransactWriteItems", "dynamodb:PutItem");
    /**
     * IAM actions an operation needs besides its own: PutMetricAlarm with Tags also needs cloudwatch:TagResource; the
     * state store's transactions put, delete and check the lease (ConditionCheck: dynamodb:ConditionCheckItem).
     */
    private static final Map<String, Set<String>> ALSO_NEEDS = Map.of("CloudWatch.PutMetricAlarm", Set.of("cloudwatch:TagResource"),
            "DynamoDb.TransactWriteItems", Set.of("dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"));

    /**
     * Actions granted for calls no integration test can provoke: moto returns no CacheParameterGroup for any cache
     * cluster, so the audit never has an ElastiCache parameter group to read there (the read is unit-tested in
     * ElastiCacheReservedReaderTest and FleetSettingReadsTest).
     */
    private static final Set<String> UNREACHABLE_UNDER_MOTO = Set.of("elasticache:DescribeCacheParameters");

    private IamPolicy() {
    }

    /** Every Allow action of the policy. */
    public static SortedSet<String> actions(Path policy) throws IOException {
        SortedSet<String> actions = new TreeSet<>();
        for (JsonNode statement : new ObjectMapper().readTree(policy.toFile()).get("Statement")) {
            if ("Allow".equals(statement.path("Effect").asText())) {
                JsonNode a = statement.get("Action");
                if (a.isArray()) {
                    a.forEach(x -> actions.add(x.asText()));
                } else {
                    actions.add(a.asText());
                }
            }
        }
        return actions;
    }

    /** "CloudWatch.PutMetricAlarm" → cloudwatch:PutMetricAlarm (the SDK's service name lower-cased is the IAM prefix). */
    public static String action(String operation) {
        if (AUTHORIZED_BY.containsKey(operation)) {
            return AUTHORIZED_BY.get(operation);
        }
        int dot = operation.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("not Service.Operation: " + operation);
        }
        return operation.substring(0, dot).toLowerCase(Locale.ROOT) + ":" + operation.substring(dot + 1);
    }

    /** Actions the operations need, implied ones included. */
    public static SortedSet<String> needed(Collection<String> operations) {
        SortedSet<String> needed = new TreeSet<>();
        operations.forEach(op -> {
            needed.add(action(op));
            needed.addAll(ALSO_NEEDS.getOrDefault(op, Set.of()));
        });
        return needed;
    }

    public static SortedSet<String> missing(Collection<String> operations, Set<String> granted) {
        SortedSet<String> missing = needed(operations);
        missing.removeAll(granted);
        return missing;
    }

    public static SortedSet<String> unused(Collection<String> operations, Set<String> granted) {
        SortedSet<String> unused = new TreeSet<>(granted);
        unused.removeAll(needed(operations));
        unused.removeAll(UNREACHABLE_UNDER_MOTO);
        return unused;
    }
}
