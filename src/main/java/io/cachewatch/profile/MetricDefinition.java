package io.cachewatch.profile;

/**
 * A CloudWatch metric and the range its values can take, so thresholds that can never be crossed are caught.
 *
 * @param percent values lie in 0..100
 */
public record MetricDefinition(String name, boolean percent) {
    /** Every metric cachewatch knows is a count, size, duration, ratio or flag: none can go below zero. */
    public boolean nonNegative() {
        return true;
    }

    /** Upper bound of the values, or positive infinity. */
    public double max() {
        return percent ? 100 : Double.POSITIVE_INFINITY;
    }
}
