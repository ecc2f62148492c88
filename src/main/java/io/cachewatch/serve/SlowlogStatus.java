package io.cachewatch.serve;

import io.cachewatch.collect.SlowlogCollector;
import io.cachewatch.slowlog.Finding;
import io.cachewatch.slowlog.NodeFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last slow-log poll of one target, as /status shows it.
 *
 * @param lastPoll  end of the last poll; null before the first
 * @param waiting   why no poll ran yet (e.g. the first discovery has not succeeded), else null
 * @param failures  nodes that could not be read, with the reason
 * @param fallbacks nodes whose version has COMMANDLOG read with SLOWLOG (renamed or denied), with the reason
 * @param findings  findings of the last poll by severity (suppressed repeats included)
 * @param pending   messages not delivered yet (retried on the next poll)
 * @param dropped   messages dropped from the full buffer, in total
 * @param errors    delivery errors, or why the poll could not run
 */
public record SlowlogStatus(Instant lastPoll, String waiting, int nodesRead, int nodesFailed, List<NodeFailure> failures,
                            List<NodeFailure> fallbacks, int entries, Map<String, Integer> findings, int suppressed, int published, int pending, long dropped,
                            List<String> restartedNodes, List<String> skipped, List<String> errors) {
    static SlowlogStatus waiting(String why) {
        return new SlowlogStatus(null, why, 0, 0, List.of(), List.of(), 0, Map.of(), 0, 0, 0, 0, List.of(), List.of(), List.of());
    }

    static SlowlogStatus of(SlowlogCollector.Result r) {
        Map<String, Integer> bySeverity = new TreeMap<>();
        for (Finding f : r.outcome().findings()) {
            bySeverity.merge(f.severity().id(), 1, Integer::sum);
        }
        return new SlowlogStatus(r.at(), null, r.outcome().nodesRead(), r.outcome().failures().size(), r.outcome().failures(),
                r.outcome().fallbacks(), r.outcome().entries(), bySeverity, r.outcome().suppressed().size(), r.delivery().published(), r.delivery().pending(),
                r.dropped(), r.outcome().restartedNodes(), r.skipped(), r.delivery().errors());
    }

    /** A poll that could not run: the previous figures stay, the error is shown. */
    SlowlogStatus failed(Instant at, String error) {
        return new SlowlogStatus(at, null, nodesRead, nodesFailed, failures, fallbacks, entries, findings, suppressed, published, pending, dropped,
                restartedNodes, skipped, List.of(error));
    }

    public boolean ok() {
        return lastPoll != null && nodesFailed == 0 && errors.isEmpty();
    }
}
