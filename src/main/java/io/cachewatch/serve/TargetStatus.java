package io.cachewatch.serve;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.cachewatch.console.ClusterStatus;
import io.cachewatch.report.ReconcileReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What serve knows about one target, as /status shows it.
 *
 * @param discovered  true once a discovery of every region of the target succeeded
 * @param lastRun     the last finished reconcile, null before the first
 * @param lastSuccess end of the last reconcile without errors
 * @param slowlog     the last slow-log poll; null when serve reads no slow logs
 * @param audit       the last audit; null when serve does not audit
 */
public record TargetStatus(String name, List<String> regions, String roleArn, boolean discovered, RunResult lastRun,
                           Instant lastSuccess, SlowlogStatus slowlog, AuditStatus audit) {
    /** A target serve does not audit. */
    public TargetStatus(String name, List<String> regions, String roleArn, boolean discovered, RunResult lastRun, Instant lastSuccess,
                        SlowlogStatus slowlog) {
        this(name, regions, roleArn, discovered, lastRun, lastSuccess, slowlog, null);
    }

    TargetStatus withSlowlog(SlowlogStatus status) {
        return new TargetStatus(name, regions, roleArn, discovered, lastRun, lastSuccess, status, audit);
    }

    TargetStatus withAudit(AuditStatus status) {
        return new TargetStatus(name, regions, roleArn, discovered, lastRun, lastSuccess, slowlog, status);
    }

    /**
     * One reconcile of one target.
     *
     * @param summary  planned changes by action plus unchanged and failed
     * @param clusters discovered clusters by engine
     * @param nodes    discovered nodes by engine
     * @param discoveryOk every region of the target was discovered without error
     * @param report   the full report, for metrics; null when the run could not start
     * @param console  every discovered cluster as the console shows it (empty when the run could not start)
     */
    public record RunResult(Instant started, Instant finished, boolean ok, int exitCode, Map<String, Long> summary,
                            Map<String, Long> clusters, Map<String, Long> nodes, List<String> errors,
                            boolean discoveryOk, @JsonIgnore ReconcileReport report, @JsonIgnore List<ClusterStatus> console) {
        public RunResult {
            console = console == null ? List.of() : List.copyOf(console);
        }

        /** A run without a console view (it could not start). */
        public RunResult(Instant started, Instant finished, boolean ok, int exitCode, Map<String, Long> summary,
                         Map<String, Long> clusters, Map<String, Long> nodes, List<String> errors, boolean discoveryOk,
                         ReconcileReport report) {
            this(started, finished, ok, exitCode, summary, clusters, nodes, errors, discoveryOk, report, List.of());
        }
    }
}
