package io.cachewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.notify.AuditMessages;
import io.cachewatch.notify.Notification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only changes are announced: newly failing and newly resolved; unknown and pending change nothing. */
class AuditChangesTest {
    private static AuditResult result(String cluster, String check, Status status) {
        return new AuditResult(check, status, Severity.HIGH, "us-east-1", "memorydb", cluster, Map.of("aclName", "open-access"),
                "the open-access ACL lets anyone connect", status == Status.FAIL ? "create an ACL" : null, null);
    }

    @Test
    void newlyFailingOnceThenNothingThenResolved() {
        AuditChanges first = AuditChanges.between(Map.of(), List.of(result("vault", "memorydb-open-access", Status.FAIL),
                result("vault", "multi-az", Status.PASS)));
        assertThat(first.newlyFailing()).extracting(AuditResult::check).containsExactly("memorydb-open-access");
        assertThat(first.resolved()).isEmpty();
        assertThat(first.failing()).containsExactly(Map.entry("cachewatch/us-east-1/memorydb/vault/memorydb-open-access", "high"));

        AuditChanges again = AuditChanges.between(first.failing(), List.of(result("vault", "memorydb-open-access", Status.FAIL)));
        assertThat(again.newlyFailing()).isEmpty();
        assertThat(again.resolved()).isEmpty();

        AuditChanges unknown = AuditChanges.between(first.failing(), List.of(result("vault", "memorydb-open-access", Status.UNKNOWN)));
        assertThat(unknown.resolved()).as("unknown is not resolved").isEmpty();
        assertThat(unknown.failing()).isEqualTo(first.failing());

        AuditChanges waived = AuditChanges.between(first.failing(), List.of(result("vault", "memorydb-open-access", Status.WAIVED)));
        assertThat(waived.resolved()).hasSize(1);
        assertThat(waived.failing()).isEmpty();
    }

    @Test
    void clustersNotAuditedKeepTheirState() {
        Map<String, String> before = Map.of("cachewatch/us-east-1/memorydb/other/multi-az", "medium");
        AuditChanges changes = AuditChanges.between(before, List.of(result("vault", "multi-az", Status.PASS)));
        assertThat(changes.failing()).isEqualTo(before);
    }

    @Test
    void messagesUseTheSlowLogChatbotFormatThreadedPerCluster() throws Exception {
        Notification n = AuditMessages.failing(result("vault", "memorydb-open-access", Status.FAIL));
        assertThat(n.severity()).isEqualTo("critical"); // high goes to the critical topic
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(n.body());
        assertThat(body.get("version").asText()).isEqualTo("1.0");
        assertThat(body.get("source").asText()).isEqualTo("custom");
        assertThat(body.at("/content/textType").asText()).isEqualTo("client-markdown");
        assertThat(body.at("/content/nextSteps/0").asText()).isEqualTo("create an ACL");
        assertThat(body.at("/content/description").asText()).contains("| aclName | `open-access` |");
        assertThat(body.at("/metadata/threadId").asText()).isEqualTo("cachewatch-audit/us-east-1/memorydb/vault");
        assertThat(AuditMessages.topicSeverity(Severity.MEDIUM)).isEqualTo("warning");
        assertThat(AuditMessages.topicSeverity(Severity.LOW)).isEqualTo("info");
        Notification resolved = AuditMessages.resolved(result("vault", "memorydb-open-access", Status.PASS));
        assertThat(resolved.deduplicationId()).isNotEqualTo(n.deduplicationId());
    }
}
