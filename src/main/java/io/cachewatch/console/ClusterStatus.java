package io.cachewatch.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the console shows about one cluster, built from what serve holds after its last reconcile and slow-log
 * poll. Figures are numbers; absent facts are null (unknown), never guessed.
 *
 * @param kind          the identity kind: {@code elasticache} (replication group), {@code cachecluster}, {@code serverless},
 *                      {@code memorydb}
 * @param profile       the alarm profile its managed alarms name; null when it has none
 * @param firing        its managed alarms in ALARM at the last DescribeAlarms
 * @param dashboard     name of its CloudWatch dashboard; null when it has none (yet)
 * @param findings      the findings of the last slow-log poll that found something for it
 * @param findingsAt    when those findings were made; null when the slow log found nothing yet
 * @param audit         failing audit results (empty until the audit capability fills them)
 */
public record ClusterStatus(String target, String region, String kind, String id, String engine, String engineVersion,
                            String status, String nodeType, String profile, int nodeCount, AlarmCounts alarms,
                            List<AlarmView> firing, List<AlarmView> alarmList, List<NodeView> nodes, String dashboard,
                            String dashboardLink, String consoleLink, List<FindingView> findings, Instant findingsAt,
                            List<AuditView> audit) {
    public ClusterStatus {
        firing = List.copyOf(firing);
        alarmList = List.copyOf(alarmList);
        nodes = List.copyOf(nodes);
        findings = List.copyOf(findings);
        audit = List.copyOf(audit);
    }

    /** The same cluster with the findings of a later slow-log poll. */
    public ClusterStatus withFindings(List<FindingView> latest, Instant at) {
        return new ClusterStatus(target, region, kind, id, engine, engineVersion, status, nodeType, profile, nodeCount, alarms,
                firing, alarmList, nodes, dashboard, dashboardLink, consoleLink, latest, at, audit);
    }

    /** The same cluster with audit results. */
    public ClusterStatus withAudit(List<AuditView> results) {
        return new ClusterStatus(target, region, kind, id, engine, engineVersion, status, nodeType, profile, nodeCount, alarms,
                firing, alarmList, nodes, dashboard, dashboardLink, consoleLink, findings, findingsAt, results);
    }

    /** {@code region/kind/id}, the key slow-log findings use. */
    public String key() {
        return region + "/" + kind + "/" + id;
    }

    /** Path of its console page. */
    public String path() {
        return "/status/" + Links.segment(target) + "/" + Links.segment(region) + "/" + Links.segment(id);
    }

    /** Findings by severity ({@code warning: 2}). */
    public Map<String, Integer> findingsBySeverity() {
        Map<String, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    /** Failing audit results by severity. */
    public Map<String, Integer> auditBySeverity() {
        Map<String, Integer> counts = new TreeMap<>();
        audit.forEach(a -> counts.merge(a.severity(), 1, Integer::sum));
        return counts;
    }

    /**
     * How urgent the cluster is, for sorting (higher first): alarms firing, then failed alarm writes, then critical
     * findings or audit results, then drift, then warnings, then anything else found.
     */
    public int urgency() {
        int score = 0;
        score += Math.min(alarms.firing(), 99) * 1_000_000;
        score += Math.min(alarms.failed(), 99) * 10_000;
        score += Math.min(worst(), 3) * 1_000;
        score += Math.min(alarms.drifted(), 99) * 10;
        return score;
    }

    /** 3 critical, 2 warning, 1 info, 0 nothing found (findings and audit together). */
    private int worst() {
        int w = 0;
        for (FindingView f : findings) {
            w = Math.max(w, rank(f.severity()));
        }
        for (AuditView a : audit) {
            w = Math.max(w, rank(a.severity()));
        }
        return w;
    }

    static int rank(String severity) {
        return switch (severity == null ? "" : severity) {
            case "critical", "high" -> 3;
            case "warning", "medium" -> 2;
            case "info", "low" -> 1;
            default -> 0;
        };
    }
}
