package io.cachewatch.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.posture.ReservedCoverages.Holder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reservations pooled per node type are handed to the oldest clusters first, each taking those that end first. */
class ReservedCoveragesTest {
    static final Instant OLD = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant MID = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NEW = Instant.parse("2026-11-20T00:00:00Z");

    static Reservation r(String id, String type, int count, String end) {
        return new Reservation(id, type, count, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse(end));
    }

    @Test
    void theOldestClusterIsCoveredFirstAndTheRestStaysUncovered() {
        List<Holder> holders = List.of(new Holder("new", "cache.r6g.large", 2, NEW), new Holder("old", "cache.r6g.large", 3, OLD),
                new Holder("mid", "cache.r6g.large", 2, MID));
        Map<String, ReservedCoverage> c = ReservedCoverages.allocate(holders, List.of(r("a", "cache.r6g.large", 4, "2027-06-01T00:00:00Z")));
        assertThat(c.get("old")).isEqualTo(new ReservedCoverage("cache.r6g.large", 3, 3, 7, 4,
                List.of(new ReservedCoverage.Term("a", 3, "2027-06-01T00:00:00Z"))));
        assertThat(c.get("mid").coveredNodes()).isEqualTo(1);
        assertThat(c.get("mid").uncoveredNodes()).isEqualTo(1);
        assertThat(c.get("new").coveredNodes()).isZero();
        assertThat(c.get("new").terms()).isEmpty();
        assertThat(c.get("new").poolNodes()).isEqualTo(7);
    }

    @Test
    void theClusterTakesTheReservationsThatEndFirstAndMaySpanSeveral() {
        List<Holder> holders = List.of(new Holder("old", "db.r6g.large", 3, OLD), new Holder("mid", "db.r6g.large", 2, MID));
        Map<String, ReservedCoverage> c = ReservedCoverages.allocate(holders, List.of(r("late", "db.r6g.large", 3, "2028-01-01T00:00:00Z"),
                r("soon", "db.r6g.large", 2, "2026-12-10T00:00:00Z")));
        assertThat(c.get("old").terms()).containsExactly(new ReservedCoverage.Term("soon", 2, "2026-12-10T00:00:00Z"),
                new ReservedCoverage.Term("late", 1, "2028-01-01T00:00:00Z"));
        assertThat(c.get("mid").terms()).containsExactly(new ReservedCoverage.Term("late", 2, "2028-01-01T00:00:00Z"));
        assertThat(c.get("mid").uncoveredNodes()).isZero();
    }

    @Test
    void nodeTypesMatchExactlyAndAnUnknownAgeComesLast() {
        List<Holder> holders = List.of(new Holder("unknown-age", "cache.r6g.large", 1, null), new Holder("known", "cache.r6g.large", 1, NEW),
                new Holder("xlarge", "cache.r6g.xlarge", 1, OLD), new Holder("serverless", null, 0, null));
        Map<String, ReservedCoverage> c = ReservedCoverages.allocate(holders, List.of(r("a", "cache.r6g.large", 1, "2027-01-01T00:00:00Z")));
        assertThat(c.get("known").coveredNodes()).isEqualTo(1);
        assertThat(c.get("unknown-age").coveredNodes()).isZero();
        // a larger size of the same family is not covered (no size flexibility applied)
        assertThat(c.get("xlarge")).isEqualTo(new ReservedCoverage("cache.r6g.xlarge", 1, 0, 1, 0, List.of()));
        assertThat(c).doesNotContainKey("serverless");
    }

    @Test
    void surplusReservationsShowInThePoolTotals() {
        Map<String, ReservedCoverage> c = ReservedCoverages.allocate(List.of(new Holder("one", "cache.m6g.large", 1, OLD)),
                List.of(r("a", "cache.m6g.large", 5, "2027-01-01T00:00:00Z")));
        assertThat(c.get("one")).isEqualTo(new ReservedCoverage("cache.m6g.large", 1, 1, 1, 5,
                List.of(new ReservedCoverage.Term("a", 1, "2027-01-01T00:00:00Z"))));
    }

    @Test
    void noReservationsLeaveEveryNodeUncovered() {
        Map<String, ReservedCoverage> c = ReservedCoverages.allocate(List.of(new Holder("one", "cache.m6g.large", 2, OLD)), List.of());
        assertThat(c.get("one").uncoveredNodes()).isEqualTo(2);
        assertThat(c.get("one").poolReserved()).isZero();
    }
}
