package io.cachewatch.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.usage.MetricQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How queries are packed into GetMetricData calls: ≤ 500 queries and ≤ 100,800 expected datapoints each. */
class CloudWatchMetricReaderTest {
    static List<MetricQuery> queries(int n, int period) {
        List<MetricQuery> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new MetricQuery("AWS/ElastiCache", "Evictions", List.of(), "Sum", period));
        }
        return list;
    }

    @Test
    void dailyQueriesGoFiveHundredToACall() {
        Duration days14 = Duration.ofDays(14);
        assertThat(CloudWatchMetricReader.batches(queries(500, 86400), days14)).hasSize(1);
        assertThat(CloudWatchMetricReader.batches(queries(501, 86400), days14)).extracting(List::size).containsExactly(500, 1);
        assertThat(CloudWatchMetricReader.batches(queries(12_000, 86400), days14)).hasSize(24);
        assertThat(CloudWatchMetricReader.batches(List.of(), days14)).isEmpty();
    }

    @Test
    void hourlyQueriesAreBoundByTheDatapointLimit() {
        // 14 days hourly: 337 expected points each; 100,800 / 337 = 299 per call
        List<List<MetricQuery>> batches = CloudWatchMetricReader.batches(queries(600, 3600), Duration.ofDays(14));
        assertThat(batches).extracting(List::size).containsExactly(299, 299, 2);
    }

    @Test
    void aMixOfDailyAndHourlyQueriesStaysWithinBothLimits() {
        List<MetricQuery> mixed = new ArrayList<>();
        for (int node = 0; node < 1000; node++) {
            mixed.addAll(queries(1, 3600));
            mixed.addAll(queries(12, 86400));
        }
        List<List<MetricQuery>> batches = CloudWatchMetricReader.batches(mixed, Duration.ofDays(14));
        assertThat(batches).hasSize((int) Math.ceil(13_000 / 500.0));
        for (List<MetricQuery> b : batches) {
            long points = b.stream().mapToLong(q -> Duration.ofDays(14).getSeconds() / q.periodSeconds() + 1).sum();
            assertThat(b.size()).isLessThanOrEqualTo(500);
            assertThat(points).isLessThanOrEqualTo(100_800);
        }
    }
}
