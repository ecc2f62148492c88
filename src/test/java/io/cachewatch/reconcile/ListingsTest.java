package io.cachewatch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.alarm.AlarmActions;
import io.cachewatch.alarm.AlarmNaming;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.dashboard.DashboardFixtures;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.ApplyProgress;
import io.cachewatch.plan.Found;
import io.cachewatch.plan.MassDeleteGuard;
import io.cachewatch.profile.ProfileSelector;
import io.cachewatch.report.RunMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What a kind registered through {@link Listings} read stays readable after the run, for any kind. */
class ListingsTest {
    private final DesiredAlarms desired = new DesiredAlarms(DashboardFixtures.CATALOG.profiles(),
            new ProfileSelector("default", "Environment", Map.of()), new AlarmNaming("cachewatch-"), AlarmActions.NONE);

    private void run(Listings listings, Map<String, String> notes, boolean readable) {
        ThirdKindTest.Notes kind = new ThirdKindTest.Notes();
        Reconciler<DesiredState> reconciler = new Reconciler<>(desired::forRegion, List.of(new Reconciler.Registered<>(listings.keep(kind),
                region -> {
                    if (!readable) {
                        throw new IllegalStateException("throttled");
                    }
                    return notes;
                })), new MassDeleteGuard(1), ApplyProgress.NONE, () -> false);
        reconciler.run(new Fleet(List.of(new RegionInventory(Fixtures.REGION, List.of(Fixtures.redisReplicationGroup("orders", 1, Map.of())),
                List.of()))), new Reconciler.Options(RunMode.APPLY, true), TreeMap::new);
    }

    private static TreeSet<String> names(List<Found<String>> found) {
        return new TreeSet<>(found.stream().map(Found::name).toList());
    }

    @Test
    void theLastReadOfEachRegionIsKeptAndAFailedReadKeepsTheOneBefore() {
        Listings listings = new Listings();
        assertThat(listings.last("note", Fixtures.REGION)).isEmpty();
        Map<String, String> notes = new TreeMap<>(Map.of("note-by-hand", "mine"));

        run(listings, notes, true);
        List<Found<String>> first = listings.last("note", Fixtures.REGION);
        assertThat(names(first)).containsExactly("note-by-hand"); // what was read, before the run wrote its own note
        assertThat(first.get(0).body()).isEqualTo("mine");
        assertThat(notes).containsKey("note-elasticache-orders");

        run(listings, notes, true);
        assertThat(names(listings.last("note", Fixtures.REGION))).containsExactly("note-by-hand", "note-elasticache-orders");

        notes.remove("note-by-hand");
        run(listings, notes, false);
        assertThat(names(listings.last("note", Fixtures.REGION))).as("kept from the read before").containsExactly("note-by-hand",
                "note-elasticache-orders");
        assertThat(listings.last("alarm", Fixtures.REGION)).as("a kind not kept here").isEmpty();
        assertThat(listings.last("note", "eu-west-1")).isEmpty();
    }
}
