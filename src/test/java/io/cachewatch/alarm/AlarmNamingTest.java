package io.cachewatch.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlarmNamingTest {
    private final AlarmNaming naming = new AlarmNaming("cachewatch-");

    @Test
    void nodeAndClusterNamesCarryKindIdsAndRule() {
        assertThat(naming.nodeAlarm("elasticache", "orders-001", "0001", "cpu-high"))
                .isEqualTo("cachewatch-elasticache/orders-001/0001/cpu-high");
        assertThat(naming.clusterAlarm("serverless", "sessions", "ecpu-high")).isEqualTo("cachewatch-serverless/sessions/ecpu-high");
    }

    @Test
    void longNamesAreCutTo255WithAStableHashAndStayDistinct() {
        String id = "c".repeat(240);
        String a = naming.nodeAlarm("memorydb", id, id + "-0001-001", "cpu-high");
        String b = naming.nodeAlarm("memorydb", id, id + "-0001-002", "cpu-high");
        assertThat(a).hasSize(255).startsWith("cachewatch-memorydb/ccc").matches(".*~[0-9a-f]{8}$");
        assertThat(a).isNotEqualTo(b);
        assertThat(naming.nodeAlarm("memorydb", id, id + "-0001-001", "cpu-high")).isEqualTo(a);
    }

    @Test
    void segmentsCannotCollideAcrossNodeAndClusterScope() {
        assertThat(naming.clusterAlarm("elasticache", "mc-1", "cpu-high"))
                .isNotEqualTo(naming.nodeAlarm("elasticache", "mc", "1", "cpu-high"));
    }

    @Test
    void anEmptyPrefixIsRefused() {
        assertThatThrownBy(() -> new AlarmNaming(" ")).hasMessageContaining("prefix");
        assertThat(naming.owns("cachewatch-x")).isTrue();
        assertThat(naming.owns("other-x")).isFalse();
    }
}
