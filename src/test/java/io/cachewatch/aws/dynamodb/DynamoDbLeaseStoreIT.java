package io.cachewatch.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.lease.Lease;
import io.cachewatch.lease.LeaseKeeper;
import io.cachewatch.lease.LeasePlan;
import io.cachewatch.lease.LeaseStoreException;
import io.cachewatch.lease.TaskBeat;
import io.cachewatch.testing.MotoClients;
import io.cachewatch.testing.MotoTestBase;
import io.cachewatch.testing.StateTables;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The lease store against moto's DynamoDB: conditional writes, consistent reads, error mapping. */
class DynamoDbLeaseStoreIT extends MotoTestBase {
    private static final String TABLE = "cachewatch-state";
    private DynamoDbClient ddb;
    private DynamoDbLeaseStore store;

    @BeforeEach
    void table() {
        ddb = MotoClients.dynamoDb(moto.endpoint());
        StateTables.create(ddb, TABLE);
        store = new DynamoDbLeaseStore(() -> ddb, TABLE, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        ddb.close();
    }

    @Test
    void aLeaseNeverWrittenReadsAsNeverAndIsCreatedOnlyOnce() {
        Lease never = store.leases(List.of("prod")).get("prod");
        assertThat(never).isEqualTo(Lease.never("prod"));
        Lease taken = never.acquiredBy("a", 1_000, 30_000);
        assertThat(store.write(new LeasePlan.Write(never, taken))).isTrue();
        // a second task that read the same "never" loses the race
        assertThat(store.write(new LeasePlan.Write(never, never.acquiredBy("b", 1_000, 30_000)))).isFalse();
        assertThat(store.leases(List.of("prod")).get("prod")).isEqualTo(taken);
    }

    @Test
    void everyWriteIsConditionalOnTheVersionRead() {
        Lease taken = Lease.never("prod").acquiredBy("a", 1_000, 30_000);
        store.write(new LeasePlan.Write(Lease.never("prod"), taken));
        Lease renewed = taken.renewed(11_000, 30_000);
        assertThat(store.write(new LeasePlan.Write(taken, renewed))).isTrue();
        // a renewal from the stale read is refused
        assertThat(store.write(new LeasePlan.Write(taken, taken.renewed(12_000, 30_000)))).isFalse();
        assertThat(store.leases(List.of("prod")).get("prod")).isEqualTo(renewed);
    }

    @Test
    void aReleasedLeaseHasNoHolderAndKeepsItsFence() {
        Lease taken = Lease.never("prod").acquiredBy("a", 1_000, 30_000);
        store.write(new LeasePlan.Write(Lease.never("prod"), taken));
        store.write(new LeasePlan.Write(taken, taken.released()));
        Lease read = store.leases(List.of("prod")).get("prod");
        assertThat(read.holder()).isNull();
        assertThat(read.fence()).isEqualTo(1);
        assertThat(ddb.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s("lease#prod"), "sk", s("lease")))).item())
                .doesNotContainKey("holder").containsEntry("expiresAt", n(0));
    }

    @Test
    void readsMoreThanOneBatchOfLeases() {
        List<String> targets = IntStream.range(0, 130).mapToObj(i -> "t" + i).toList();
        targets.forEach(t -> store.write(new LeasePlan.Write(Lease.never(t), Lease.never(t).acquiredBy("a", 1, 1_000))));
        Map<String, Lease> read = store.leases(targets);
        assertThat(read).hasSize(130);
        assertThat(read.values()).allSatisfy(l -> assertThat(l.holder()).isEqualTo("a"));
    }

    @Test
    void heartbeatsAreListedAndALeavingTasksLapsesAtOnce() {
        store.beat(new TaskBeat("a", 5_000));
        store.beat(new TaskBeat("b", 6_000));
        store.beat(new TaskBeat("a", 7_000));
        assertThat(store.tasks()).containsExactlyInAnyOrder(new TaskBeat("a", 7_000), new TaskBeat("b", 6_000));
        store.leave("a");
        assertThat(store.tasks()).containsExactlyInAnyOrder(new TaskBeat("a", 0), new TaskBeat("b", 6_000));
        // kept a day for DynamoDB's time to live to remove
        long ttl = Long.parseLong(ddb.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s("tasks"), "sk", s("a")))).item().get("ttl").n());
        assertThat(ttl).isBetween(System.currentTimeMillis() / 1000 + 86_000, System.currentTimeMillis() / 1000 + 86_500);
    }

    @Test
    void anUnreachableTableIsAnErrorNamingIt() {
        DynamoDbClient closed = MotoClients.dynamoDb(MotoClients.closedPort());
        DynamoDbLeaseStore unreachable = new DynamoDbLeaseStore(() -> closed, TABLE, Duration.ofSeconds(2));
        assertThatThrownBy(() -> unreachable.leases(List.of("prod"))).isInstanceOf(LeaseStoreException.class)
                .hasMessageContaining("DynamoDB table cachewatch-state unreachable (BatchGetItem)");
        assertThatThrownBy(() -> unreachable.write(new LeasePlan.Write(Lease.never("prod"), Lease.never("prod").acquiredBy("a", 1, 2))))
                .isInstanceOf(LeaseStoreException.class).hasMessageContaining("unreachable (UpdateItem)");
        closed.close();
    }

    @Test
    void aMissingTableIsRefusedNotALostRace() {
        DynamoDbLeaseStore missing = new DynamoDbLeaseStore(() -> ddb, "no-such-table", Duration.ofSeconds(5));
        assertThatThrownBy(() -> missing.write(new LeasePlan.Write(Lease.never("prod"), Lease.never("prod").acquiredBy("a", 1, 2))))
                .isInstanceOf(LeaseStoreException.class).hasMessageContaining("no-such-table refused UpdateItem");
    }

    @Test
    void twoKeepersOverTheTableSplitSixTargets() {
        AtomicLong clock = new AtomicLong(1_000_000);
        List<String> targets = List.of("t1", "t2", "t3", "t4", "t5", "t6");
        LeaseKeeper a = new LeaseKeeper(new LeaseKeeper.Settings("a", new LeasePlan.Timing(3_000, 1_000), 500), targets, store, clock::get);
        LeaseKeeper b = new LeaseKeeper(new LeaseKeeper.Settings("b", new LeasePlan.Timing(3_000, 1_000), 500), targets, store, clock::get);
        for (int i = 0; i < 3; i++) {
            a.round();
            b.round();
            clock.addAndGet(100);
        }
        assertThat(a.held()).hasSize(3);
        assertThat(b.held()).hasSize(3).doesNotContainAnyElementsOf(a.held());
        assertThat(store.leases(targets).values()).allSatisfy(l -> assertThat(l.holder()).isIn("a", "b"));
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String v) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder().s(v).build();
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue n(long v) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder().n(Long.toString(v)).build();
    }
}
