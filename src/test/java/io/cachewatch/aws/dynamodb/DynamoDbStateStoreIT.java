package io.cachewatch.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.notify.Notification;
import io.cachewatch.slowlog.NodeCursor;
import io.cachewatch.slowlog.Severity;
import io.cachewatch.slowlog.Suppression;
import io.cachewatch.state.Fence;
import io.cachewatch.state.FenceLostException;
import io.cachewatch.state.Pending;
import io.cachewatch.state.StateSnapshot;
import io.cachewatch.state.StoreUnavailableException;
import io.cachewatch.state.TargetState;
import io.cachewatch.state.VersionRaceException;
import io.cachewatch.testing.MotoClients;
import io.cachewatch.testing.MotoServer;
import io.cachewatch.testing.StateTables;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB state store against moto_server: conditional writes, transactions with a lease check, error mapping. */
class DynamoDbStateStoreIT {
    private static final String TABLE = "cachewatch-state";
    private static MotoServer moto;
    private static DynamoDbClient dynamoDb;
    private static final Map<String, AtomicInteger> calls = new HashMap<>();
    private DynamoDbStateStore store;

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
        dynamoDb = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                .httpClient(software.amazon.awssdk.http.apache.ApacheHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        synchronized (calls) {
                            calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                })).build();
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        moto.close();
    }

    @BeforeEach
    void fresh() {
        moto.reset();
        StateTables.create(dynamoDb, TABLE);
        store = new DynamoDbStateStore(dynamoDb, TABLE, "us-east-1");
        calls.clear();
    }

    private static int calls(String operation) {
        synchronized (calls) {
            return calls.getOrDefault(operation, new AtomicInteger()).get();
        }
    }

    private static Notification message(String id) {
        return new Notification("warning", "{\"id\":\"" + id + "\"}", Map.of("kind", "keys", "cluster", "orders"), "orders", id);
    }

    private static TargetState sample() {
        Instant at = Instant.parse("2026-11-30T12:00:00.123456Z");
        return new TargetState(Map.of("us-east-1/replicationgroup/orders|orders-001", new NodeCursor(41, "run-a", true),
                "us-east-1/replicationgroup/orders|orders-002", new NodeCursor(7, null)),
                Map.of("us-east-1/replicationgroup/orders|keys|KEYS session:*", new Suppression.Sent(at, Severity.WARNING, 150_000)),
                List.of(new Pending(0, message("f1")), new Pending(1, message("f2"))), 3,
                Map.of("redis/us-east-1/orders/encryption-in-transit", "high"));
    }

    @Test
    void whatIsWrittenReadsBackTheSameAndAnUnchangedStateCostsNoWrite() {
        StateSnapshot empty = store.read("prod");
        assertThat(empty.state()).isEqualTo(TargetState.EMPTY);
        StateSnapshot written = store.write(empty, sample(), null);
        StateSnapshot read = store.read("prod");
        assertThat(read.state()).isEqualTo(sample());
        assertThat(read.versions()).isEqualTo(written.versions()).hasSize(7).allSatisfy((k, v) -> assertThat(v).isEqualTo(1L));
        assertThat(store.read("other").state()).as("targets do not share state").isEqualTo(TargetState.EMPTY);

        int writes = calls("TransactWriteItems");
        store.write(read, sample(), null);
        assertThat(calls("TransactWriteItems")).as("nothing changed, nothing written").isEqualTo(writes);

        TargetState moved = sample().withSlowlog(Map.of("us-east-1/replicationgroup/orders|orders-001", new NodeCursor(45, "run-a", true),
                "us-east-1/replicationgroup/orders|orders-002", new NodeCursor(7, null)), sample().suppression(), List.of(), 3);
        StateSnapshot after = store.write(read, moved, null);
        assertThat(store.read("prod").state()).isEqualTo(moved);
        assertThat(after.versions()).as("one cursor changed, two messages delivered: only those items touched")
                .containsEntry("cursor#us-east-1/replicationgroup/orders|orders-001", 2L)
                .containsEntry("cursor#us-east-1/replicationgroup/orders|orders-002", 1L)
                .doesNotContainKey("pending#0000000000000000000");
    }

    @Test
    void twoWritersOfDifferentNodesBothKeepTheirWrites() {
        StateSnapshot base = store.write(store.read("prod"), sample(), null);
        TargetState a = withCursor(base.state(), "us-east-1/replicationgroup/orders|orders-001", 50);
        TargetState b = withCursor(base.state(), "us-east-1/replicationgroup/orders|orders-002", 9);
        store.write(base, a, null);
        store.write(base, b, null);
        TargetState both = store.read("prod").state();
        assertThat(both.cursors().get("us-east-1/replicationgroup/orders|orders-001").lastId()).isEqualTo(50);
        assertThat(both.cursors().get("us-east-1/replicationgroup/orders|orders-002").lastId()).isEqualTo(9);
    }

    @Test
    void theSecondOfTwoWritersOfTheSameItemIsRefusedAndLosesNothingByReadingAgain() {
        String node = "us-east-1/replicationgroup/orders|orders-001";
        StateSnapshot base = store.write(store.read("prod"), sample(), null);
        store.write(base, withCursor(base.state(), node, 60), null);
        assertThatThrownBy(() -> store.write(base, withCursor(base.state(), node, 55), null))
                .isInstanceOf(VersionRaceException.class)
                .hasMessageContaining("another writer got there first")
                .hasMessageContaining("cursor#" + node + " (read at version 1) changed since");
        assertThat(store.read("prod").state().cursors().get(node).lastId()).as("the first write stands").isEqualTo(60);

        // a new item both add: the second is refused too (attribute_not_exists)
        StateSnapshot again = store.read("prod");
        TargetState withThird = again.state().withPending(List.of(new Pending(2, message("f3"))));
        store.write(again, withThird, null);
        assertThatThrownBy(() -> store.write(again, again.state().withPending(List.of(new Pending(2, message("other")))), null))
                .isInstanceOf(VersionRaceException.class).hasMessageContaining("pending#0000000000000000002 (read as absent)");
        // the loser reads again and adds its message after the winner's: both kept
        StateSnapshot reread = store.read("prod");
        List<Pending> both = new java.util.ArrayList<>(reread.state().pending());
        both.add(new Pending(3, message("other")));
        store.write(reread, reread.state().withPending(both), null);
        assertThat(store.read("prod").state().pending()).extracting(p -> p.message().deduplicationId()).containsExactly("f3", "other");
    }

    @Test
    void aWriteUnderAStaleFenceIsRefusedAndWritesNothing() {
        StateTables.lease(dynamoDb, TABLE, "prod", "task-a", 4);
        Fence a = new Fence("prod", "task-a", 4);
        StateSnapshot base = store.write(store.read("prod"), sample(), a);
        assertThat(store.read("prod").state()).isEqualTo(sample());

        StateTables.lease(dynamoDb, TABLE, "prod", "task-b", 5); // task-b took the target over
        String node = "us-east-1/replicationgroup/orders|orders-001";
        assertThatThrownBy(() -> store.write(base, withCursor(base.state(), node, 99), a))
                .isInstanceOf(FenceLostException.class)
                .hasMessageContaining("lease lost: written under holder task-a fence 4")
                .hasMessageContaining("holder task-b with fence 5")
                .satisfies(e -> assertThat(((FenceLostException) e).fence()).isEqualTo(a));
        assertThat(store.read("prod").state().cursors().get(node).lastId()).isEqualTo(41);

        Fence b = new Fence("prod", "task-b", 5);
        store.write(store.read("prod"), withCursor(base.state(), node, 99), b);
        assertThat(store.read("prod").state().cursors().get(node).lastId()).isEqualTo(99);
        assertThatThrownBy(() -> store.write(base, sample(), new Fence("other", "task-b", 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFenceWithoutALeaseItemIsRefused() {
        assertThatThrownBy(() -> store.write(store.read("prod"), sample(), new Fence("prod", "task-a", 1)))
                .isInstanceOf(FenceLostException.class).hasMessageContaining("no lease item");
        assertThat(store.read("prod").state()).isEqualTo(TargetState.EMPTY);
    }

    @Test
    void aThousandNodesAreWrittenInTransactionsOfAHundredEachCheckingTheLeaseAndReadBackInPages() {
        StateTables.lease(dynamoDb, TABLE, "big", "task-a", 1);
        Map<String, NodeCursor> cursors = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            cursors.put("us-east-1/replicationgroup/big|big-" + i + "-" + "x".repeat(900), new NodeCursor(i, "run-" + i));
        }
        String longKey = "us-east-1/replicationgroup/big|keys|" + "k".repeat(2000);
        TargetState big = new TargetState(cursors, Map.of(longKey, new Suppression.Sent(Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Severity.CRITICAL, 1)), List.of(), 0, Map.of());
        int before = calls("TransactWriteItems");
        store.write(store.read("big"), big, new Fence("big", "task-a", 1));
        assertThat(calls("TransactWriteItems") - before).as("1,001 items, 99 per transaction beside the lease check").isEqualTo(11);
        int queries = calls("Query");
        assertThat(store.read("big").state()).isEqualTo(big);
        assertThat(calls("Query") - queries).as("~2 MB of items: a Query answers 1 MB per page").isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnreachableStoreOrAMissingTableIsUnavailableNamingTableAndRegion() {
        try (DynamoDbClient closed = MotoClients.dynamoDb(MotoClients.closedPort())) {
            DynamoDbStateStore down = new DynamoDbStateStore(closed, TABLE, "us-east-1");
            assertThatThrownBy(() -> down.read("prod")).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("DynamoDB table cachewatch-state (us-east-1): cannot read the state of target prod: unreachable");
            assertThatThrownBy(() -> down.write(new StateSnapshot("prod", TargetState.EMPTY, Map.of()), sample(), null))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("cannot write the state of target prod: unreachable");
        }
        DynamoDbStateStore missing = new DynamoDbStateStore(dynamoDb, "no-such-table", "us-east-1");
        assertThatThrownBy(() -> missing.read("prod")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("DynamoDB table no-such-table (us-east-1): cannot read the state of target prod: no such table");
    }

    private static TargetState withCursor(TargetState state, String node, long lastId) {
        Map<String, NodeCursor> cursors = new HashMap<>(state.cursors());
        cursors.put(node, new NodeCursor(lastId, "run-a", true));
        return state.withSlowlog(cursors, state.suppression(), state.pending(), state.dropped());
    }
}
