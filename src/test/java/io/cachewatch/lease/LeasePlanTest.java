package io.cachewatch.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeasePlanTest {
    private static final LeasePlan.Timing TIMING = new LeasePlan.Timing(30_000, 10_000);
    private static final long NOW = 1_000_000;

    private static Map<String, Lease> leases(Lease... held) {
        Map<String, Lease> all = new LinkedHashMap<>();
        for (String t : List.of("t1", "t2", "t3", "t4", "t5", "t6")) {
            all.put(t, Lease.never(t));
        }
        for (Lease l : held) {
            all.put(l.target(), l);
        }
        return all;
    }

    @Test
    void aLoneTaskTakesEveryFreeTargetRaisingEachFence() {
        LeasePlan plan = LeasePlan.decide("a", NOW, TIMING, leases(), Set.of("a"));
        assertThat(plan.acquire()).hasSize(6);
        assertThat(plan.acquire()).allSatisfy(w -> {
            assertThat(w.next().holder()).isEqualTo("a");
            assertThat(w.next().fence()).isEqualTo(1);
            assertThat(w.next().expiresAt()).isEqualTo(NOW + 30_000);
            assertThat(w.next().version()).isEqualTo(w.expected().version() + 1);
        });
        assertThat(plan.renew()).isEmpty();
        assertThat(plan.release()).isEmpty();
    }

    @Test
    void twoTasksTakeTheirShareOnly() {
        LeasePlan plan = LeasePlan.decide("a", NOW, TIMING, leases(), Set.of("a", "b"));
        assertThat(plan.acquire()).hasSize(3);
    }

    @Test
    void aLeaseHeldByAnotherTaskIsLeftAlone() {
        Lease b = new Lease("t1", "b", 4, NOW + 1, 9);
        LeasePlan plan = LeasePlan.decide("a", NOW, TIMING, leases(b), Set.of("a"));
        assertThat(plan.acquire()).extracting(w -> w.next().target()).doesNotContain("t1").hasSize(5);
    }

    @Test
    void aLapsedLeaseIsTakenOverWithAHigherFence() {
        Lease lapsed = new Lease("t1", "b", 4, NOW, 9);
        LeasePlan plan = LeasePlan.decide("a", NOW, TIMING, leases(lapsed), Set.of("a"));
        LeasePlan.Write takeover = plan.acquire().stream().filter(w -> w.next().target().equals("t1")).findFirst().orElseThrow();
        assertThat(takeover.next()).isEqualTo(new Lease("t1", "a", 5, NOW + 30_000, 10));
        assertThat(takeover.next().takenOver()).isTrue();
    }

    @Test
    void aReleasedLeaseKeepsItsFenceAndIsFreeAtOnce() {
        Lease held = new Lease("t1", "a", 4, NOW + 20_000, 9);
        Lease released = held.released();
        assertThat(released).isEqualTo(new Lease("t1", null, 4, 0, 10));
        assertThat(released.live(NOW)).isFalse();
        assertThat(released.acquiredBy("b", NOW, 30_000).fence()).isEqualTo(5);
    }

    @Test
    void aLiveLeaseCannotBeAcquired() {
        assertThatThrownBy(() -> new Lease("t1", "b", 1, NOW + 1, 1).acquiredBy("a", NOW, 30_000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("held by b");
    }

    @Test
    void ownLeasesAreRenewedOnlyOnceTheRenewalIntervalPassed() {
        Lease fresh = new Lease("t1", "a", 1, NOW + 25_000, 3);
        Lease due = new Lease("t2", "a", 1, NOW + 20_000, 3);
        LeasePlan plan = LeasePlan.decide("a", NOW, TIMING, leases(fresh, due), Set.of("a", "b", "c"));
        assertThat(plan.renew()).extracting(w -> w.next()).containsExactly(new Lease("t2", "a", 1, NOW + 30_000, 4));
        assertThat(plan.release()).isEmpty();
        assertThat(plan.acquire()).isEmpty();
    }

    @Test
    void aTaskOverItsShareHandsBackTheSurplus() {
        Map<String, Lease> all = new LinkedHashMap<>();
        for (String t : List.of("t1", "t2", "t3", "t4", "t5", "t6")) {
            all.put(t, new Lease(t, "a", 1, NOW + 25_000, 1));
        }
        LeasePlan plan = LeasePlan.decide("a", NOW, TIMING, all, Set.of("a", "b"));
        assertThat(plan.release()).extracting(w -> w.next().target()).containsExactly("t4", "t5", "t6");
        assertThat(plan.release()).allSatisfy(w -> assertThat(w.next().holder()).isNull());
        assertThat(plan.acquire()).isEmpty();
    }

    @Test
    void timingMustRenewWithinTheDuration() {
        assertThatThrownBy(() -> new LeasePlan.Timing(10_000, 10_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the lease duration");
    }
}
