package io.cachewatch.console;

/**
 * One managed alarm of a cluster as the console shows it.
 *
 * @param node      null for cluster-level alarms
 * @param state     {@code OK}, {@code ALARM}, {@code INSUFFICIENT_DATA} as the last DescribeAlarms returned it; null
 *                  when CloudWatch has not been read since the alarm was created
 * @param condition e.g. {@code EngineCPUUtilization Average > 80}; null when the alarm was not read
 * @param sync      how the last reconcile left it
 * @param link      the alarm in the CloudWatch console
 */
public record AlarmView(String name, String node, String rule, String state, String condition, Double threshold, Sync sync,
                        String link) {
    /** What the last reconcile did with a managed alarm. */
    public enum Sync {
        /** already as the profile wants it */
        IN_SYNC,
        /** created or corrected by the last run */
        CORRECTED,
        /** differs from the profile and was not written (refused by a safety guard, or the run was stopped) */
        DRIFTED,
        /** the write failed; retried by the next run */
        FAILED;

        /** {@code in sync}, {@code corrected}, … */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** The threshold as a person writes it ({@code 52428800}, {@code 0.8}); empty when unknown. */
    public String thresholdLabel() {
        return threshold == null ? "" : ClusterStatuses.number(threshold);
    }

    public boolean firing() {
        return "ALARM".equals(state);
    }
}
