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
                null, new Endpoint("master.sessions.abc", 6379),
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
                  {"kind":"memorydb","region":"eu-west-1","id":"ledger","engine":"redis","tls":true,"clusterMode":true}],"errors":[]}]}
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
                      "tls": false, "clusterMode": false
                    } ]
                  } ]
                }
                """);
        assertThatThrownBy(() -> InventoryJson.read(file))
                .isInstanceOfSatisfying(InventoryJson.InvalidInventoryException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.column()).isPositive();
                    assertThat(e.field()).isEqualTo("regions[0].clusters[0].engine");
                    assertThat(e.getMessage()).startsWith(file + ":7:").contains("unknown engine 'mongodb'");
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
        Path unknown = write("{\"format\": \"cachewatch-inventory/1\", \"regions\": [ {\"region\": \"x\", \"clusterz\": []} ]}");
        assertThatThrownBy(() -> InventoryJson.read(unknown)).hasMessageContaining("regions[0].clusterz");

        Path wrong = write("{\"format\": \"something-else/2\", \"regions\": []}");
        assertThatThrownBy(() -> InventoryJson.read(wrong))
                .isInstanceOfSatisfying(InventoryJson.InvalidInventoryException.class, e -> assertThat(e.field()).isEqualTo("format"))
                .hasMessageContaining("cachewatch-inventory/1");
    }
}
