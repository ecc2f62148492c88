package io.cachewatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class NodeTypesTest {
    private final NodeTypes table = NodeTypes.standard();

    @Test
    void knownTypesHaveTheirVcpus() {
        assertThat(table.lookup("cache.t3.micro")).get().extracting(NodeTypes.NodeType::vcpus).isEqualTo(2);
        assertThat(table.lookup("cache.r6g.large")).get().extracting(NodeTypes.NodeType::vcpus).isEqualTo(2);
        assertThat(table.lookup("cache.r6g.xlarge")).get().extracting(NodeTypes.NodeType::vcpus).isEqualTo(4);
        assertThat(table.lookup("db.r6g.large")).get().extracting(NodeTypes.NodeType::vcpus).isEqualTo(2);
    }

    @Test
    void memoryIsConvertedFromGibToBytes() {
        assertThat(table.lookup("cache.t3.micro").orElseThrow().memoryBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(table.lookup("CACHE.R6G.LARGE ")).isPresent();
    }

    @Test
    void unknownTypesAreEmpty() {
        assertThat(table.lookup("cache.x99.huge")).isEmpty();
        assertThat(table.lookup(null)).isEmpty();
    }

    @Test
    void everyFamilyTheBriefNamesIsCovered() {
        for (String type : new String[] {"cache.t2.micro", "cache.t4g.small", "cache.m4.large", "cache.m5.large",
                "cache.m6g.large", "cache.m7g.large", "cache.r4.large", "cache.r5.large", "cache.r6gd.xlarge",
                "cache.r7g.large", "cache.c7gn.large", "db.t4g.small", "db.r6gd.xlarge", "db.r7g.large"}) {
            assertThat(table.lookup(type)).as(type).isPresent();
        }
    }

    @Test
    void badLinesNameTheSourceAndLine() {
        assertThatThrownBy(() -> NodeTypes.parse(new StringReader("type,vcpus,memory_gib\ncache.a,two,1\n"), "t.csv"))
                .hasMessageContaining("t.csv:2");
    }
}
