package io.cachewatch.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeriesTest {
    static Series of(double... values) {
        return new Series(IntStream.range(0, values.length).mapToObj(i -> new Series.Point(Instant.ofEpochSecond(3600L * i), values[i])).toList());
    }

    @Test
    void percentilesByNearestRank() {
        Series hundred = of(IntStream.rangeClosed(1, 100).asDoubleStream().toArray());
        assertThat(hundred.percentile(99).getAsDouble()).isEqualTo(99);
        assertThat(hundred.percentile(100).getAsDouble()).isEqualTo(100);
        assertThat(of(7).percentile(99).getAsDouble()).isEqualTo(7);
        assertThat(of(1, 2).percentile(50).getAsDouble()).isEqualTo(1);
        assertThat(Series.EMPTY.percentile(99)).isEmpty();
        assertThat(of(0).percentile(0).getAsDouble()).isEqualTo(0);
    }

    @Test
    void emptySeriesHaveNoMaxMeanOrFirst() {
        assertThat(Series.EMPTY.max()).isEmpty();
        assertThat(Series.EMPTY.mean()).isEmpty();
        assertThat(Series.EMPTY.first()).isNull();
        assertThat(Series.EMPTY.sum()).isZero();
    }

    @Test
    void sumsArePointWiseAndKeepPeriodsOnlyOneSideHas() {
        Series a = new Series(List.of(new Series.Point(Instant.ofEpochSecond(0), 1), new Series.Point(Instant.ofEpochSecond(60), 2)));
        Series b = new Series(List.of(new Series.Point(Instant.ofEpochSecond(60), 3), new Series.Point(Instant.ofEpochSecond(120), 4)));
        assertThat(Series.sumOf(List.of(a, b)).points()).containsExactly(new Series.Point(Instant.ofEpochSecond(0), 1),
                new Series.Point(Instant.ofEpochSecond(60), 5), new Series.Point(Instant.ofEpochSecond(120), 4));
        assertThat(Series.sumOf(List.of(a))).isSameAs(a);
    }

    @Test
    void pointsAreKeptOldestFirst() {
        Series s = new Series(List.of(new Series.Point(Instant.ofEpochSecond(60), 2), new Series.Point(Instant.ofEpochSecond(0), 1)));
        assertThat(s.first()).isEqualTo(Instant.ofEpochSecond(0));
    }
}
