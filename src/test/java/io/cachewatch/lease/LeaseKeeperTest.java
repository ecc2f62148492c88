package io.cachewatch.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {
    private static final List<String> TARGETS = List.of("t1", "t2", "t3", "t4", "t5", "t6");
    private final MemoryLeaseStore store = new MemoryLeaseStore();
    private final AtomicLong clock = new AtomicLong(1_000_000);

    private LeaseKeeper keeper(String task) {
        return new LeaseKeeper(new LeaseKeeper.Settings(task, new LeasePlan.Timing(3_000, 1_000), 500), TARGETS, store, clock::get);
    }

    @Test
    void twoTasksSplitSixTargetsThreeEachOnceBothAnnouncedThemselves() {
        LeaseKeeper a = keeper("a");
        LeaseKeeper b = keeper("b");
        a.round(); // alone so far: takes all six
        assertThat(a.held()).hasSize(6);
        b.round(); // announces itself; nothing free yet
        assertThat(b.held()).isEmpty();
        LeaseEvents handedBack = a.round();
        assertThat(handedBack.lost()).hasSize(3);
        LeaseEvents taken = b.round();
        assertThat(taken.acquired()).hasSize(3);
        assertThat(taken.takenOver()).hasSize(3); // a held them before
        assertThat(a.held()).hasSize(3).doesNotContainAnyElementsOf(b.held());
        assertThat(b.view().holders()).containsEntry(b.held().get(0), "b").hasSize(6);
    }

    @Test
    void releaseAllLetsTheOtherTaskTakeEverythingAtItsNextRound() {
        LeaseKeeper a = keeper("a");
        LeaseKeeper b = keeper("b");
        b.round(); // takes all six
        a.round(); // announces itself
        b.round(); // hands three back
        a.round(); // takes them
        assertThat(a.held()).hasSize(3);
        assertThat(a.releaseAll()).hasSize(3);
        assertThat(a.held()).isEmpty();
        b.round();
        assertThat(b.held()).hasSize(6);
    }

    @Test
    void aCrashedTasksLeasesAreTakenOnlyAfterTheyLapse() {
        LeaseKeeper a = keeper("a");
        LeaseKeeper b = keeper("b");
        b.round(); // takes all six
        a.round(); // announces itself
        b.round(); // hands three back
        a.round(); // takes them
        List<String> ofA = a.held();
        // a stops answering (killed): b cannot take its leases before they lapse
        clock.addAndGet(2_999);
        b.round();
        assertThat(b.held()).doesNotContainAnyElementsOf(ofA);
        clock.addAndGet(1);
        b.round();
        assertThat(b.held()).containsAll(ofA);
        // b held them first (1), handed them to a (2), took them over (3)
        assertThat(ofA).allSatisfy(t -> assertThat(store.lease(t).fence()).isEqualTo(3));
    }

    @Test
    void aTaskStopsHoldingAMarginBeforeExpiryWhenItCannotRenew() {
        LeaseKeeper a = keeper("a");
        a.round();
        clock.addAndGet(2_499);
        assertThat(a.holds("t1")).isTrue();
        clock.addAndGet(1);
        assertThat(a.holds("t1")).isFalse();
    }

    @Test
    void anUnreachableStoreMeansNothingIsHeldUntilItAnswersAgain() {
        LeaseKeeper a = keeper("a");
        a.round();
        store.down = true;
        clock.addAndGet(1_000);
        a.round();
        assertThat(a.held()).isEmpty();
        assertThat(a.fence("t1")).isEmpty();
        assertThat(a.view().reachable()).isFalse();
        assertThat(a.view().error()).contains("memory store is down");
        assertThat(a.view().unreachableSince()).isNotNull();
        store.down = false;
        clock.addAndGet(500);
        a.round();
        assertThat(a.held()).hasSize(6);
        assertThat(a.view().reachable()).isTrue();
        assertThat(a.fence("t1")).hasValueSatisfying(f -> assertThat(f.number()).isEqualTo(1));
    }

    @Test
    void aTaskThatLostItsLeaseWhileCutOffSeesItLostAndDoesNotTakeItBack() {
        LeaseKeeper a = keeper("a");
        LeaseKeeper b = keeper("b");
        a.round();
        store.down = true;
        clock.addAndGet(3_000);
        a.round();
        store.down = false;
        b.round(); // a's heartbeat and leases lapsed: b takes all
        assertThat(b.held()).hasSize(6);
        LeaseEvents back = a.round();
        assertThat(back.lost()).hasSize(6);
        assertThat(a.held()).isEmpty();
    }

    @Test
    void renewalsHappenOncePerRenewalIntervalNotEveryRound() {
        LeaseKeeper a = keeper("a");
        a.round();
        int before = store.calls;
        clock.addAndGet(200);
        a.round(); // reads tasks and leases only
        assertThat(store.calls - before).isEqualTo(2);
        before = store.calls;
        clock.addAndGet(800);
        a.round(); // heartbeat, reads, six renewals
        assertThat(store.calls - before).isEqualTo(9);
    }
}
