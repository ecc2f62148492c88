package io.cachewatch.aws.cloudwatch;

import io.cachewatch.alarm.AlarmStoreException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads every page of a CloudWatch listing (DescribeAlarms, ListDashboards): a hand-written loop rather than the SDK
 * paginators so that every page request takes a permit from its pacer first. A NextToken seen twice would loop
 * forever and fails the listing instead.
 */
final class Pages {
    private Pages() {
    }

    /**
     * @param pace  takes a permit before each request
     * @param fetch the page after a token (null for the first)
     * @param items what a page lists that the caller wants
     * @param next  the page's NextToken; null or empty on the last page
     */
    static <P, T> List<T> all(String operation, Runnable pace, Function<String, P> fetch, Function<P, List<T>> items,
                              Function<P, String> next) {
        List<T> all = new ArrayList<>();
        Set<String> seenTokens = new HashSet<>();
        String token = null;
        do {
            String current = token;
            pace.run();
            P page = CloudWatchAlarmStore.call(operation, null, () -> fetch.apply(current));
            all.addAll(items.apply(page));
            token = next.apply(page);
            if (token != null && !seenTokens.add(token)) {
                throw new AlarmStoreException(operation, null, null, "NextToken repeated: " + token, null);
            }
        } while (token != null && !token.isEmpty());
        return all;
    }
}
