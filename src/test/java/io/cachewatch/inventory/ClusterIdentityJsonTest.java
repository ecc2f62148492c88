package io.cachewatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replication group and a standalone cache cluster of one id keep their identities through an inventory file. */
class ClusterIdentityJsonTest {
    @TempDir
    Path dir;

    @Test
    void standaloneIsWrittenOnlyWhenTrueAndReadBack() throws IOException {
        Fleet fleet = new Fleet(List.of(new RegionInventory(Fixtures.REGION, List.of(
                Fixtures.redisReplicationGroup("orders", 1, Map.of()), Fixtures.redisSingleNode("orders", "cache.t4g.small", 2)), List.of())));
        StringWriter out = new StringWriter();
        InventoryJson.write(fleet, out);
        assertThat(out.toString().split("\"standalone\"", -1)).hasSize(2); // once: false is left out
        Path file = Files.writeString(dir.resolve("inventory.json"), out.toString());
        Fleet read = InventoryJson.read(file);
        assertThat(read.clusters()).extracting(c -> c.ref().toString()).containsExactly("elasticache/orders", "cachecluster/orders");
    }

    /** A file written before the field existed reads every ElastiCache node-based cluster as a replication group. */
    @Test
    void aFileWithoutTheFieldStillReads() throws IOException {
        Fleet fleet = new Fleet(List.of(new RegionInventory(Fixtures.REGION, List.of(Fixtures.memcached("mc", 1)), List.of())));
        StringWriter out = new StringWriter();
        InventoryJson.write(fleet, out);
        Path file = Files.writeString(dir.resolve("old.json"), out.toString().replaceAll(",\\s*\"standalone\"\\s*:\\s*true", ""));
        assertThat(Files.readString(file)).doesNotContain("standalone");
        assertThat(InventoryJson.read(file).clusters()).singleElement().satisfies(c -> assertThat(c.ref().kind()).isEqualTo("elasticache"));
    }
}
