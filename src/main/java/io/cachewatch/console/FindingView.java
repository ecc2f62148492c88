package io.cachewatch.console;

import java.time.Instant;
import java.util.List;

/**
 * A slow-log finding of a cluster's last poll that found something.
 *
 * @param patterns the top command shapes ({@code KEYS user:{n}:*}), never argument values
 * @param advice   the next steps the finding's kind carries (the same as the Slack message)
 * @param maxMicros the slowest entry's duration; null for large requests and replies (COMMANDLOG), whose {@code max}
 *                  is a size
 */
public record FindingView(String severity, String kind, String title, int count, Long maxMicros, String max,
                          List<String> patterns, List<String> nodes, List<String> advice, Instant at) {
}
