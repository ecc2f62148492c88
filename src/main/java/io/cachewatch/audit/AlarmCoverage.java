package io.cachewatch.audit;

import java.util.List;

/**
 * How a cluster's managed alarms compare with what its profile wants, from one DescribeAlarms walk of the region.
 *
 * @param expected alarms the profile wants for the cluster
 * @param missing  names of wanted alarms that do not exist
 * @param drifted  names of wanted alarms that exist but differ
 * @param problem  why the wanted alarms cannot be known (unknown profile, bad override tag); null when they are
 */
public record AlarmCoverage(int expected, List<String> missing, List<String> drifted, String problem) {
    public AlarmCoverage {
        missing = List.copyOf(missing);
        drifted = List.copyOf(drifted);
    }
}
