package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.console.ClusterStatus;
import io.cachewatch.console.ClusterStatuses;
import io.cachewatch.console.ConsoleFixtures;
import io.cachewatch.console.FindingView;
import io.cachewatch.console.FleetFilter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusPagesTest {
    private final StatusPages pages = new StatusPages();
    private final List<ClusterStatus> fleet = ClusterStatuses.of(ConsoleFixtures.fleet(12));
    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");

    private static TargetStatus target() {
        Instant finished = Instant.now();
        TargetStatus.RunResult run = new TargetStatus.RunResult(finished.minusSeconds(3), finished, true, 0,
                Map.of("create", 17L, "update", 0L, "delete", 0L, "unchanged", 81L, "failed", 0L), Map.of("redis", 12L), Map.of("redis", 24L),
                List.of(), true, null);
        return new TargetStatus("prod", List.of("us-east-1"), null, true, run, finished, null);
    }

    @Test
    void fleetPageListsEveryClusterFiringFirstWithItsAlarmLinkAndFiguresAsNumbers() {
        String html = pages.fleet(fleet, List.of(StatusPages.TargetRow.of(target(), "discovered")), FleetFilter.ALL, true, now);
        assertThat(html).contains("<meta name=\"viewport\"", "12 clusters", "2 firing", "<td data-label=\"created\" class=\"num\">17</td>",
                "<td data-label=\"unchanged\" class=\"num\">81</td>");
        assertThat(html).doesNotContain("{create=", "{redis=", "<script");
        int firstRow = html.indexOf("data-cluster=\"cluster-0000\"");
        int secondRow = html.indexOf("data-cluster=\"cluster-0010\"");
        int calm = html.indexOf("data-cluster=\"cluster-0001\"");
        assertThat(firstRow).isPositive().isLessThan(secondRow);
        assertThat(secondRow).isLessThan(calm);
        assertThat(html).contains("href=\"/status/prod/us-east-1/cluster-0000\"",
                "class=\"firing-alarm bad\" href=\"https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/"
                        + "cachewatch-elasticache%2Fcluster-0000%2Fcluster-0000-001%2Fengine-cpu\"");
        assertThat(html.split("<tr class=\"cluster")).hasSize(13);
    }

    @Test
    void filtersSayWhenNothingMatches() {
        String html = pages.fleet(fleet, List.of(), new FleetFilter(false, "nope", null), false, now);
        assertThat(html).contains("no cluster matches", "not ready", "value=\"nope\"", "<a href=\"/status\">all</a>");
    }

    @Test
    void textFromOutsideIsEscaped() {
        ClusterStatus c = fleet.get(0).withFindings(List.of(new FindingView("warning", "keys", "KEYS scans", 1, 5L, "5 µs",
                List.of("KEYS <img src=x onerror=alert(1)>"), List.of("n1"), List.of("Replace KEYS with SCAN"), now)), now);
        String html = pages.cluster(c, "unused", "unused");
        assertThat(html).contains("KEYS &lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    }

    @Test
    void clusterPageShowsNodesAlarmsWithStateAndThresholdAndFindingsWithAdvice() {
        ClusterStatus c = fleet.get(0).withFindings(List.of(new FindingView("warning", "keys", "KEYS scans the whole keyspace", 3,
                1_200_000L, "1.20 s", List.of("KEYS user:{n}:*"), List.of("cluster-0000-001"), List.of("Replace KEYS with SCAN."), now)), now);
        String html = pages.cluster(c, "unused", "no failing audit results");
        assertThat(html).contains("<h1 id=\"cluster\">cluster-0000 <span class=\"bad\">1 firing</span>",
                "<td data-label=\"node\">0001</td><td data-label=\"cache cluster\">cluster-0000-001</td>",
                "<td data-label=\"state\" class=\"bad\">ALARM</td>", "<td data-label=\"threshold\" class=\"num\">90</td>",
                "EngineCPUUtilization Average &gt; 90 for 3 of 5 × 60 s", "3 × KEYS scans the whole keyspace</b> (max 1.20 s)",
                "<li>Replace KEYS with SCAN.</li>", "no failing audit results", "in sync");
        assertThat(pages.cluster(fleet.get(1), "no findings since serve started", "unused")).contains("no findings since serve started");
    }

    @Test
    void fleetPageListsEachTargetsFailingAuditResultsWithReasonRemediationAndClusterLink() {
        io.cachewatch.audit.AuditResult bad = new io.cachewatch.audit.AuditResult("in-transit-encryption", io.cachewatch.audit.Status.FAIL,
                io.cachewatch.audit.Severity.HIGH, "us-east-1", "elasticache", "cluster-0003", Map.of("transitEncryptionMode", "preferred"),
                "TLS <b>preferred</b> still accepts plaintext", "Set TransitEncryptionMode to required", null);
        io.cachewatch.audit.AuditRun run = new io.cachewatch.audit.AuditRun(List.of(bad), List.of());
        AuditStatus audit = AuditStatus.of("prod", run, new io.cachewatch.auditing.AuditNotify.Outcome(1, 0, 1, List.of()), Instant.now());
        TargetStatus t = target().withAudit(audit);
        List<ClusterStatus> shown = fleet.stream().map(c -> c.id().equals("cluster-0003") ? c.withAudit(audit.failing()) : c).toList();

        String html = pages.fleet(shown, List.of(StatusPages.TargetRow.of(t, "discovered")), FleetFilter.ALL, true, now);

        assertThat(html).contains("<h2>Audit of prod: 1 failing</h2>", "<td data-label=\"audit\">ok ", "1 failing (1 high), 0 pass, 0 unknown",
                "<a href=\"/status/prod/us-east-1/cluster-0003\">cluster-0003</a>", "Set TransitEncryptionMode to required",
                "TLS &lt;b&gt;preferred&lt;/b&gt; still accepts plaintext", "<span class=\"bad\">1 high</span>");
        String page = pages.cluster(shown.get(3), "unused", "unused");
        assertThat(page).contains("class=\"audit-result\"", "<b>TLS is required for every connection</b>", "evidence: transitEncryptionMode=preferred",
                "<li>Set TransitEncryptionMode to required</li>");
        assertThat(StatusPages.audit(null)).isEqualTo("off");
        assertThat(StatusPages.audit(AuditStatus.waiting("waiting for the first reconcile to end"))).isEqualTo("waiting for the first reconcile to end");
    }
}
