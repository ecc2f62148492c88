package io.cachewatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The state store's settings, checked at start with the ranges ({@link ConfigRanges}): a usage error (exit 64) naming
 * the key, the value and what was expected, before anything is read or sent.
 */
public final class StateSettings {
    public static final String FILE = "file";
    public static final String DYNAMODB = "dynamodb";
    /** Table names: 3–255 characters of a-z, A-Z, 0-9, '_', '-', '.' (DynamoDB Developer Guide, "Naming rules"). */
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private StateSettings() {
    }

    /** One line per problem: {@code key=value: expected …}. */
    public static List<String> problems(CachewatchConfig.State state) {
        List<String> problems = new ArrayList<>();
        String store = state.store().strip();
        if (!store.equals(FILE) && !store.equals(DYNAMODB)) {
            problems.add("cachewatch.state.store=" + state.store() + ": expected file (the default: state files, one process)"
                    + " or dynamodb (a table shared by serve's tasks)");
        }
        Optional<String> table = state.table().map(String::strip).filter(t -> !t.isEmpty());
        if (store.equals(DYNAMODB) && table.isEmpty()) {
            problems.add("cachewatch.state.table is not set: expected the DynamoDB table's name with cachewatch.state.store=dynamodb"
                    + " (its definition: docs/deploy.md, \"High availability\")");
        }
        table.filter(t -> !TABLE.matcher(t).matches()).ifPresent(t -> problems.add("cachewatch.state.table=" + t
                + ": expected a DynamoDB table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'"));
        state.region().map(String::strip).filter(r -> !r.isEmpty() && !REGION.matcher(r).matches())
                .ifPresent(r -> problems.add("cachewatch.state.region=" + r + ": expected an AWS region such as us-east-1"));
        return problems;
    }

    public static boolean dynamoDb(CachewatchConfig.State state) {
        return state.store().strip().equals(DYNAMODB);
    }
}
