package io.cachewatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryJsonTest {
    @TempDir
    Path dir;

    private static Fleet fleet() {
        Cluster rg = new Cluster(ClusterKind.ELASTICACHE, "eu-west-1", "sessions", "arn:aws:elasticache:eu-west-1:1:replicationgroup:sessions",
                Engine.VALKEY, "8.0.1", "cache.r6g.large", 2, 14_034_024_366L, true, "available", false, Map.of("team", "web"),
                List.of(new Shard("0001", List.of(
                        new Node("sessions-001", "0001", NodeRole.PRIMARY, new Endpoint("sessions-001.abc", 6379), "eu-west-1a"),
                        new Node("sessions-002", "0001", NodeRole.REPLICA, null, null)))),
                null, new Endpoint("master.sessions.abc", 6379), false,
                io.cachewatch.posture.Posture.builder().backupRetentionDays(0).transitEncryption(true).transitEncryptionMode("preferred")
                        .members(List.of(new io.cachewatch.posture.MemberPosture("sessions-001", "8.0.1", "default", List.of("sg-1"), null, null, null, null)))
                        .securityGroups(List.of(new io.cachewatch.posture.SecurityGroup("sg-1", "cache",
                                List.of(new io.cachewatch.posture.SecurityGroup.IngressRule("tcp", 6379, 6379, List.of("0.0.0.0/0"))))))
                        .pending("automaticFailover", "enabled").unknown("userGroupIds", "not returned").build());
        Cluster serverless = new Cluster(ClusterKind.SERVERLESS, "eu-west-1", "edge", "arn:edge", Engine.REDIS, "7.1", null, null,
                null, true, "available", false, Map.of(), List.of(), new ServerlessLimits(5000L, null), null);
        return new Fleet(List.of(
                new RegionInventory("eu-west-1", List.of(rg, serverless), List.of()),
                new RegionInventory("us-east-1", List.of(), List.of(new DiscoveryError("us-east-1", "DescribeClusters", "Throttling")))));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("inventory.json"), json);
    }

    @Test
    void roundTrip() throws IOException {
        StringWriter out = new StringWriter();
        InventoryJson.write(fleet(), out);

        assertThat(out.toString()).startsWith("{\n  \"format\" : \"cachewatch-inventory/1\",");
        assertThat(out.toString()).contains("\"kind\" : \"serverless\"").contains("\"role\" : \"primary\"")
                .doesNotContain("\"complete\"").doesNotContain("\"nodes\" : [ ]");
        assertThat(InventoryJson.read(write(out.toString()))).isEqualTo(fleet());
        // posture travels with the inventory so that audit --inventory judges offline; unknown fields stay absent
        assertThat(out.toString()).contains("\"posture\" : {").contains("\"transitEncryptionMode\" : \"preferred\"")
                .doesNotContain("\"atRestEncryption\"");
    }

    @Test
    void anInventoryWithoutPostureStillReads() throws IOException {
        Path file = write("""
                {"format":"cachewatch-inventory/1","regions":[{"region":"eu-west-1","clusters":[
                  {"kind":"memorydb","region":"eu-west-1","id":"ledger","engine":"redis","tls":true,"clusterMode":true,"tags":{},"shards":[]}],"errors":[]}]}
                """);
        assertThat(InventoryJson.read(file).clusters()).singleElement().satisfies(c -> assertThat(c.posture()).isNull());
    }

    @Test
    void badValueNamesFileLineColumnAndField() throws IOException {
        Path file = write("""
                {
                  "format": "cachewatch-inventory/1",
                  "regions": [ {
                    "region": "eu-west-1",
                    "clusters": [ {
                      "kind": "elasticache", "region": "eu-west-1", "id": "a",
                      "engine": "mongodb",
                      "tls": false, "clusterMode": false, "tags": {}, "shards": []
                    } ],
                    "errors": []
                  } ]
                }
                """);
        assertThatThrownBy(() -> InventoryJson.read(file))
                .isInstanceOfSatisfying(InventoryJson.InvalidInventoryException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.column()).isPositive();
                    assertThat(e.field()).isEqualTo("regions[0].clusters[0].engine");
                    assertThat(e.getMessage()).startsWith(file + ":7:").contains("unknown value \"mongodb\" (expected one of redis, valkey, memcached)");
                });
    }

    @Test
    void syntaxErrorNamesLine() throws IOException {
        Path file = write("{\n  \"format\": \"cachewatch-inventory/1\",\n  \"regions\": [ }\n");
        assertThatThrownBy(() -> InventoryJson.read(file))
                .isInstanceOfSatisfying(InventoryJson.InvalidInventoryException.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void unknownFieldAndWrongFormatAreRefused() throws IOException {
        Path unknown = write("{\"format\": \"cachewatch-inventory/1\", \"regions\": [ {\"region\": \"x\", \"clusters\": [], \"errors\": [], \"clusterz\": []} ]}");
        assertThatThrownBy(() -> InventoryJson.read(unknown)).hasMessageContaining("regions[0].clusterz");

        Path wrong = write("{\"format\": \"something-else/2\", \"regions\": []}");
        assertThatThrownBy(() -> InventoryJson.read(wrong))
                .isInstanceOfSatisfying(InventoryJson.InvalidInventoryException.class, e -> assertThat(e.field()).isEqualTo("format"))
                .hasMessageContaining("cachewatch-inventory/1");
    }

    /** A well-formed file with one ElastiCache cluster, its shards member replaced by {@code shards}. */
    private static String oneCluster(String shards) {
        return """
                {
                  "format": "cachewatch-inventory/1",
                  "regions": [ {
                    "region": "us-east-1",
                    "clusters": [ {
                      "kind": "elasticache", "region": "us-east-1", "id": "orders", "engine": "redis",
                      "tls": true, "status": "available", "clusterMode": false, "tags": {}%s
                    } ],
                    "errors": []
                  } ]
                }
                """.formatted(shards);
    }

    @Test
    void aClusterWithoutShardsIsAnErrorNamingFileLineAndFieldNotAClusterWithNoNodes() throws IOException {
        Path file = write(oneCluster(""));
        assertThatThrownBy(() -> InventoryJson.read(file))
                .isInstanceOfSatisfying(InventoryJson.InvalidInventoryException.class, e -> {
                    assertThat(e.field()).isEqualTo("regions[0].clusters[0].shards");
                    assertThat(e.line()).isEqualTo(5); // where the cluster's object begins
                    assertThat(e.getMessage()).startsWith(file + ":5:").contains("missing required field 'shards' in cluster 'orders'");
                });
        // the same file with its shards is read
        Fleet fleet = InventoryJson.read(write(oneCluster(
                ", \"shards\": [ {\"id\": \"0001\", \"nodes\": [ {\"cacheClusterId\": \"orders-001\", \"id\": \"0001\", \"role\": \"primary\"} ]} ]")));
        assertThat(fleet.clusters()).singleElement().satisfies(c -> assertThat(c.nodes()).hasSize(1));
    }

    @Test
    void aFileWithoutRegionsIsAnErrorNotAnEmptyFleet() throws IOException {
        Path file = write("{\"format\": \"cachewatch-inventory/1\"}");
        assertThatThrownBy(() -> InventoryJson.read(file))
                .isInstanceOfSatisfying(InventoryJson.InvalidInventoryException.class, e -> {
                    assertThat(e.field()).isEqualTo("regions");
                    assertThat(e.getMessage()).contains("missing required field 'regions'");
                });
        Path regionWithoutClusters = write("{\"format\": \"cachewatch-inventory/1\", \"regions\": [ {\"region\": \"us-east-1\", \"errors\": []} ]}");
        assertThatThrownBy(() -> InventoryJson.read(regionWithoutClusters)).hasMessageContaining("regions[0].clusters: missing required field 'clusters'");
    }

    @Test
    void wrongTypesAndEmptyIdsAreRefused() throws IOException {
        Path nodes = write(oneCluster(", \"shards\": [ {\"id\": \"0001\", \"nodes\": {}} ]"));
        assertThatThrownBy(() -> InventoryJson.read(nodes)).hasMessageContaining("regions[0].clusters[0].shards[0].nodes: must be array, not an object");
        Path emptyId = write(oneCluster(", \"shards\": []").replace("\"id\": \"orders\"", "\"id\": \"\""));
        assertThatThrownBy(() -> InventoryJson.read(emptyId)).hasMessageContaining("regions[0].clusters[0].id: must not be empty");
        Path noFormat = write("{\"regions\": []}");
        assertThatThrownBy(() -> InventoryJson.read(noFormat)).hasMessageContaining("format: expected \"cachewatch-inventory/1\" but found none");
    }

    @Test
    void theAuditsOptionalPostureObjectIsAllowedOtherUnknownClusterFieldsAreNot() throws IOException {
        assertThat(InventoryJson.read(write(oneCluster(", \"shards\": [], \"posture\": {\"atRestEncryption\": true}"))).clusters()).hasSize(1);
        assertThatThrownBy(() -> InventoryJson.read(write(oneCluster(", \"shards\": [], \"shard\": []"))))
                .hasMessageContaining("regions[0].clusters[0].shard: unknown field 'shard'");
    }

    @Test
    void aMissingFileSaysSoAndAnOversizedOneIsRefusedBeforeParsing() throws IOException {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> InventoryJson.read(missing))
                .hasMessage(missing + ": inventory file no such file (reconcile --inventory takes a file written by discover --output json)");
        assertThatThrownBy(() -> InventoryJson.read(dir)).hasMessageContaining("inventory file a directory, not a file");
        Path big = dir.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i <= io.cachewatch.files.InputFile.MAX_INVENTORY_BYTES >> 20; i++) {
                out.write(block);
            }
        }
        assertThatThrownBy(() -> InventoryJson.read(big)).hasMessageContaining("larger than the limit of 32 MiB");
    }
}
