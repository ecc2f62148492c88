package io.cachewatch.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Datapoints of one figure, oldest first; a period without data is absent (a gap), never zero. */
public record Series(List<Point> points) {
    public static final Series EMPTY = new Series(List.of());

    /** One datapoint: the start of its period and the statistic's value. */
    public record Point(Instant at, double value) {
    }

    public Series {
        points = points.stream().sorted(Comparator.comparing(Point::at)).toList();
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    public OptionalDouble max() {
        return points.stream().mapToDouble(Point::value).max();
    }

    public OptionalDouble mean() {
        return points.stream().mapToDouble(Point::value).average();
    }

    public double sum() {
        return points.stream().mapToDouble(Point::value).sum();
    }

    /**
     * The {@code p}th percentile by the nearest-rank method (the smallest value with at least p % of the values at or
     * below it), as CloudWatch's pNN statistics define it over their samples; empty without points.
     */
    public OptionalDouble percentile(double p) {
        if (points.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = points.stream().mapToDouble(Point::value).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return OptionalDouble.of(sorted[Math.max(0, Math.min(sorted.length, rank) - 1)]);
    }

    /** The earliest datapoint's time, null without points. */
    public Instant first() {
        return points.isEmpty() ? null : points.get(0).at();
    }

    /** Point-wise sum of series of the same period (e.g. read and write commands); a period any of them has counts. */
    public static Series sumOf(List<Series> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Map<Instant, Double> sums = new TreeMap<>();
        parts.forEach(s -> s.points().forEach(p -> sums.merge(p.at(), p.value(), Double::sum)));
        List<Point> points = new ArrayList<>();
        sums.forEach((at, v) -> points.add(new Point(at, v)));
        return new Series(points);
    }
}
