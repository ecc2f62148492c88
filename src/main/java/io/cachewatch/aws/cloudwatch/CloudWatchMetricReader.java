package io.cachewatch.aws.cloudwatch;

import io.cachewatch.aws.Pacer;
import io.cachewatch.aws.PostureReads;
import io.cachewatch.aws.RegionScan;
import io.cachewatch.usage.MetricQuery;
import io.cachewatch.usage.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Reads metric series with GetMetricData: one pass per region and run, the queries packed into as few calls as the API
 * allows. "A GetMetricData operation that does not include a query can retrieve as many as 500 different metrics in a
 * single request, with a total of as many as 100,800 data points" (CloudWatch API Reference, GetMetricData), so a call
 * takes at most {@value #MAX_QUERIES} queries and at most {@value #MAX_DATAPOINTS} expected datapoints; an answer that
 * still pages (NextToken) is followed. Calls are paced at {@value #CALLS_PER_SECOND}/s per region, well under the
 * GetMetricData quota of 50 TPS per account and region (CloudWatch service quotas).
 */
public final class CloudWatchMetricReader {
    public static final int MAX_QUERIES = 500;
    public static final int MAX_DATAPOINTS = 100_800;
    static final double CALLS_PER_SECOND = 10;

    /**
     * @param series one per query, in the queries' order; a query without datapoints has an empty series
     * @param calls  GetMetricData requests made
     */
    public record Reading(List<Series> series, int calls) {
    }

    /** GetMetricData failed; {@code unavailable} when the account may not call it (the figures are unknown, not an error). */
    public static final class MetricReadException extends RuntimeException {
        private final boolean unavailable;

        MetricReadException(String message, boolean unavailable, Throwable cause) {
            super(message, cause);
            this.unavailable = unavailable;
        }

        public boolean unavailable() {
            return unavailable;
        }
    }

    private final Function<String, CloudWatchClient> clients;
    private final Map<String, Pacer> pacers = new ConcurrentHashMap<>();

    public CloudWatchMetricReader(Function<String, CloudWatchClient> clients) {
        this.clients = clients;
    }

    /** The series of every query over [from, to) in one region. */
    public Reading read(String region, List<MetricQuery> queries, Instant from, Instant to) {
        List<Series> series = new ArrayList<>();
        int calls = 0;
        for (List<MetricQuery> batch : batches(queries, Duration.between(from, to))) {
            Map<String, List<Series.Point>> points = new HashMap<>();
            calls += readBatch(region, batch, from, to, points);
            for (int i = 0; i < batch.size(); i++) {
                series.add(new Series(points.getOrDefault(id(i), List.of())));
            }
        }
        return new Reading(series, calls);
    }

    /**
     * Splits the queries, in order, into calls of at most {@value #MAX_QUERIES} queries and {@value #MAX_DATAPOINTS}
     * expected datapoints (periods in the range, plus one for a range that does not end on a period boundary).
     */
    static List<List<MetricQuery>> batches(List<MetricQuery> queries, Duration range) {
        List<List<MetricQuery>> batches = new ArrayList<>();
        List<MetricQuery> current = new ArrayList<>();
        long points = 0;
        for (MetricQuery q : queries) {
            long expected = range.getSeconds() / q.periodSeconds() + 1;
            if (!current.isEmpty() && (current.size() == MAX_QUERIES || points + expected > MAX_DATAPOINTS)) {
                batches.add(current);
                current = new ArrayList<>();
                points = 0;
            }
            current.add(q);
            points += expected;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private int readBatch(String region, List<MetricQuery> batch, Instant from, Instant to, Map<String, List<Series.Point>> points) {
        List<MetricDataQuery> request = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            request.add(query(id(i), batch.get(i)));
        }
        Pacer pacer = pacers.computeIfAbsent(region, r -> new Pacer("GetMetricData", r, CALLS_PER_SECOND));
        Set<String> seenTokens = new HashSet<>();
        String token = null;
        int calls = 0;
        do {
            String next = token;
            pacer.acquire();
            calls++;
            GetMetricDataResponse page;
            try {
                page = clients.apply(region).getMetricData(b -> b.metricDataQueries(request).startTime(from).endTime(to)
                        .scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(next));
            } catch (SdkException e) {
                throw new MetricReadException("GetMetricData failed: " + RegionScan.describe(e), PostureReads.unavailable(e), e);
            }
            for (MetricDataResult result : page.metricDataResults()) {
                if (result.statusCode() == StatusCode.FORBIDDEN || result.statusCode() == StatusCode.INTERNAL_ERROR) {
                    MetricQuery q = batch.get(Integer.parseInt(result.id().substring(1)));
                    String why = result.messages().isEmpty() ? result.statusCodeAsString() : result.messages().get(0).value();
                    throw new MetricReadException("GetMetricData " + q.metric() + ": " + why, result.statusCode() == StatusCode.FORBIDDEN, null);
                }
                List<Series.Point> mine = points.computeIfAbsent(result.id(), k -> new ArrayList<>());
                for (int i = 0; i < Math.min(result.timestamps().size(), result.values().size()); i++) {
                    if (result.values().get(i) != null) {
                        mine.add(new Series.Point(result.timestamps().get(i), result.values().get(i)));
                    }
                }
            }
            token = page.nextToken();
            if (token != null && !seenTokens.add(token)) {
                throw new MetricReadException("GetMetricData: NextToken repeated: " + token, false, null);
            }
        } while (token != null && !token.isEmpty());
        return calls;
    }

    private static String id(int index) {
        // Ids must match ^[a-z][a-zA-Z0-9_]*$ (MetricDataQuery.Id)
        return "q" + index;
    }

    private static MetricDataQuery query(String id, MetricQuery q) {
        return MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(MetricStat.builder().period(q.periodSeconds()).stat(q.statistic())
                        .metric(Metric.builder().namespace(q.namespace()).metricName(q.metric())
                                .dimensions(q.dimensions().stream().map(d -> Dimension.builder().name(d.name()).value(d.value()).build()).toList())
                                .build())
                        .build())
                .build();
    }
}
