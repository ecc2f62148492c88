package io.cachewatch.wiring;

import io.cachewatch.aws.cloudwatch.CloudWatchMetricReader;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.DiscoveryError;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.usage.ClusterUsage;
import io.cachewatch.usage.FleetUsage;
import io.cachewatch.usage.UsagePlan;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The usage checks' input for an audit: per region, one {@link UsagePlan} of the region's clusters read in one
 * GetMetricData pass over the lookback ending at the last whole hour. A region whose read is not permitted leaves its
 * clusters' usage unknown with the reason; any other failure does too and is an error of the run.
 */
public final class AuditUsage {
    /**
     * @param usage  what was read, and why the rest is unknown
     * @param errors failures that are errors of the run (not mere denials)
     * @param calls  GetMetricData requests made
     */
    public record Read(FleetUsage usage, List<DiscoveryError> errors, int calls) {
    }

    private AuditUsage() {
    }

    public static Read read(Fleet fleet, CloudWatchMetricReader reader, Duration lookback, Instant now) {
        Instant to = now.truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(lookback);
        Map<String, ClusterUsage> byCluster = new LinkedHashMap<>();
        Map<String, String> unknown = new HashMap<>();
        List<DiscoveryError> errors = new ArrayList<>();
        int calls = 0;
        for (RegionInventory region : fleet.regions()) {
            List<Cluster> clusters = region.clusters().stream().filter(AuditUsage::judged).toList();
            if (clusters.isEmpty()) {
                continue;
            }
            UsagePlan plan = UsagePlan.of(clusters, from, to);
            try {
                CloudWatchMetricReader.Reading reading = reader.read(region.region(), plan.queries(), from, to);
                calls += reading.calls();
                byCluster.putAll(plan.assemble(reading.series()));
            } catch (CloudWatchMetricReader.MetricReadException e) {
                clusters.forEach(c -> unknown.put(c.key(), e.getMessage()));
                if (!e.unavailable()) {
                    errors.add(new DiscoveryError(region.region(), "CloudWatch.GetMetricData", e.getMessage()));
                }
            }
        }
        return new Read(new FleetUsage(lookback, byCluster, unknown, null), errors, calls);
    }

    /** Clusters the audit judges at all (the Auditor skips those being deleted). */
    private static boolean judged(Cluster c) {
        return !io.cachewatch.alarm.DesiredAlarms.gone(c);
    }
}
