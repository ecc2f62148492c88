package io.cachewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.alarm.ActualAlarm;
import io.cachewatch.alarm.AlarmActions;
import io.cachewatch.alarm.AlarmNaming;
import io.cachewatch.alarm.DesiredAlarm;
import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.alarm.DesiredState;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.profile.ProfileCatalog;
import io.cachewatch.profile.ProfileSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** alarms-in-place evidence: the same desired alarms reconcile plans, compared with one listing of the region. */
class AlarmCoveragesTest {
    private static final DesiredAlarms DESIRED = new DesiredAlarms(ProfileCatalog.load(Path.of("alarm-profiles")).profiles(),
            new ProfileSelector("default", "Environment", Map.of()), new AlarmNaming("cachewatch-"), new AlarmActions(Map.of(), null));

    @Test
    void missingAndDriftedPerClusterEvenWhenAnElastiCacheAndAMemoryDbClusterShareAName() {
        Cluster elasticache = Fixtures.redisReplicationGroup("shared", 1, Map.of());
        Cluster memorydb = Fixtures.memoryDb("shared", 1, 1);
        RegionInventory region = new RegionInventory(Fixtures.REGION, List.of(elasticache, memorydb), List.of());
        DesiredState desired = DESIRED.forRegion(region);
        List<ActualAlarm> actual = new ArrayList<>();
        List<DesiredAlarm> memoryDbAlarms = desired.alarms().stream().filter(a -> a.name().startsWith("cachewatch-memorydb/")).toList();
        memoryDbAlarms.forEach(a -> actual.add(new ActualAlarm(a.name(), a.spec(), a.owner())));
        DesiredAlarm drifted = memoryDbAlarms.get(0);
        actual.set(0, new ActualAlarm(drifted.name(), new io.cachewatch.alarm.AlarmSpec(drifted.spec().namespace(), drifted.spec().metricName(),
                drifted.spec().dimensions(), drifted.spec().statistic(), drifted.spec().period(), drifted.spec().evaluationPeriods(),
                drifted.spec().datapointsToAlarm(), drifted.spec().comparison(), drifted.spec().threshold() + 1, drifted.spec().treatMissingData(),
                drifted.spec().description(), drifted.spec().actionsEnabled(), drifted.spec().alarmActions(), drifted.spec().okActions()), drifted.owner()));

        Map<String, AlarmCoverage> coverage = AlarmCoverages.of(region, desired, actual);

        AlarmCoverage ec = coverage.get(elasticache.key());
        assertThat(ec.expected()).isPositive();
        assertThat(ec.missing()).hasSize(ec.expected()).allMatch(n -> n.startsWith("cachewatch-elasticache/"));
        AlarmCoverage mdb = coverage.get(memorydb.key());
        assertThat(mdb.expected()).isEqualTo(memoryDbAlarms.size());
        assertThat(mdb.missing()).isEmpty();
        assertThat(mdb.drifted()).containsExactly(drifted.name());
    }
}
