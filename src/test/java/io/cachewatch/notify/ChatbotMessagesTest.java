package io.cachewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.slowlog.Finding;
import io.cachewatch.slowlog.FindingKind;
import io.cachewatch.slowlog.Severity;
import io.cachewatch.slowlog.SlowlogCluster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatbotMessagesTest {
    static final SlowlogCluster ORDERS = new SlowlogCluster("eu-west-1", "orders", "valkey", "elasticache");

    static Finding keys(List<Finding.PatternStat> patterns) {
        return new Finding(ORDERS, FindingKind.KEYS, Severity.WARNING, 3, 1_200_000, 400, 1_200_000, patterns, patterns.size(),
                List.of(new Finding.ClientStat("billing-worker", "10.0.0.5", 3)), List.of("orders-001"), 0,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:30Z"), "ab".repeat(32));
    }

    @Test
    void rendersTheChatbotCustomNotificationFormatWithAttributesAndThread() throws Exception {
        Notification n = ChatbotMessages.of(keys(List.of(new Finding.PatternStat("KEYS", "session:*", 3, 1_200_000, null))));
        JsonNode json = new ObjectMapper().readTree(n.body());
        assertThat(json.get("version").asText()).isEqualTo("1.0");
        assertThat(json.get("source").asText()).isEqualTo("custom");
        assertThat(json.at("/content/textType").asText()).isEqualTo("client-markdown");
        assertThat(json.at("/content/title").asText()).isEqualTo(":warning: orders: 3 × KEYS scans the whole keyspace (max 1.20 s)");
        assertThat(json.at("/content/description").asText())
                .contains("| command and key pattern | count | max |\n|---|---|---|\n| `KEYS session:*` | 3 | 1.20 s |")
                .contains("`billing-worker @ 10.0.0.5` (3)");
        assertThat(json.at("/content/nextSteps/0").asText()).startsWith("Replace KEYS with SCAN");
        assertThat(json.at("/metadata/threadId").asText()).isEqualTo("cachewatch-slowlog/eu-west-1/elasticache/orders");
        assertThat(n.attributes()).isEqualTo(Map.of("severity", "warning", "cluster", "orders", "engine", "valkey",
                "region", "eu-west-1", "kind", "keys"));
        assertThat(n.deduplicationId()).hasSizeLessThanOrEqualTo(128);
        assertThat(n.groupId()).isEqualTo("eu-west-1/elasticache/orders");
    }

    @Test
    void hostileKeyClientAndNodeNamesReachSlackInert() throws Exception {
        List<Finding.PatternStat> hostile = List.of(
                new Finding.PatternStat("GET", "<!channel> <!here> <@U024BE7LH> <https://evil.example|click> & `x`", 2, 1_200_000, null),
                new Finding.PatternStat("GET", "ansi:\u001b[{n}J\u001b]{n};pwned\u0007", 1, 1_000_000, "GET ansi:\u001b[2J\u001b]0;pwned\u0007"),
                new Finding.PatternStat("GET", "line\n| forged | row |", 1, 900_000, null));
        Finding f = new Finding(ORDERS, FindingKind.SLOW, Severity.WARNING, 4, 1_200_000, 900_000, 1_200_000, hostile, 3,
                List.of(new Finding.ClientStat("svc-<!channel>", "10.0.0.5", 4)), List.of("<!here>.evil:6379"), 0,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:30Z"), "ab".repeat(32));
        JsonNode json = new ObjectMapper().readTree(ChatbotMessages.of(f).body());
        String description = json.at("/content/description").asText();
        String everything = json.toString() + description;
        assertThat(description).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("<").doesNotContain(">");
        assertThat(description)
                .contains("| `GET &lt;!channel&gt; &lt;!here&gt; &lt;@U024BE7LH&gt; &lt;https://evil.example¦click&gt; &amp; 'x'` | 2 |")
                .contains("| `GET ansi:\\e[{n}J\\e]{n};pwned\\a` | 1 |")
                .contains("| `GET line\\n¦ forged ¦ row ¦` | 1 |")
                .contains("`svc-&lt;!channel&gt; @ 10.0.0.5` (4)")
                .contains("Nodes: `&lt;!here&gt;.evil:6379`");
        // one table row per pattern, four cells (raw examples shown for this one): a key cannot add rows or columns
        assertThat(description.lines().filter(l -> l.startsWith("| `GET"))).hasSize(3)
                .allSatisfy(row -> assertThat(row.chars().filter(c -> c == '|').count()).isEqualTo(5));
        assertThat(json.at("/metadata/additionalContext/nodes").asText()).isEqualTo("&lt;!here&gt;.evil:6379");
        assertThat(everything).doesNotContain("<!channel>").doesNotContain("<!here>");
    }

    @Test
    void staysUnderSnsLimitsAndBatchesByTenAnd256KiB() {
        List<Finding.PatternStat> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.add(new Finding.PatternStat("GET", "x".repeat(5000) + "|`", 1, 1, null));
        }
        Notification n = ChatbotMessages.of(keys(many));
        assertThat(n.size()).isLessThan(ChatbotMessages.MAX_BYTES);
        assertThat(n.body()).doesNotContain("|`");

        Notification small = ChatbotMessages.of(keys(List.of()));
        List<List<Notification>> batches = Batches.of(Collections.nCopies(23, small));
        assertThat(batches).extracting(List::size).containsExactly(10, 10, 3);
        Notification big = new Notification("info", "y".repeat(100_000), Map.of(), "g", "d");
        assertThat(Batches.of(List.of(big, big, big))).extracting(List::size).containsExactly(2, 1);
    }
}
