package io.cachewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachewatch.audit.CheckCatalog;
import io.cachewatch.testing.CachewatchJar;
import io.cachewatch.testing.CliTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticache.model.Tag;

/**
 * {@code audit} through the packaged jar against moto: the demo fleet plus good, bad and edge-case clusters of every
 * kind moto can create (replication groups with and without TLS, auth, backups; TLS in preferred mode; Memcached; a
 * single node; MemoryDB on open-access and on its own ACL behind a security group open to the world), checked result
 * by result. moto lacks serverless caches, replication-group member clusters, user groups and service updates: those
 * results are unknown here with the reason, and the unit tests cover them from the API reference's shapes.
 */
class AuditCliIT extends CliTestBase {
    @TempDir
    Path tmp;

    private String openGroup;

    @BeforeEach
    void edgeCases() {
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create()).build()) {
            openGroup = ec2.createSecurityGroup(b -> b.groupName("cache-open").description("open to the world")).groupId();
            ec2.authorizeSecurityGroupIngress(b -> b.groupId(openGroup).ipProtocol("tcp").fromPort(6379).toPort(6379).cidrIp("0.0.0.0/0"));
        }
        var ec = fleet.elastiCache();
        ec.createReplicationGroup(b -> b.replicationGroupId("secure").replicationGroupDescription("every setting good").engine("redis")
                .cacheNodeType("cache.r6g.large").numCacheClusters(2).replicasPerNodeGroup(1).automaticFailoverEnabled(true).multiAZEnabled(true)
                .transitEncryptionEnabled(true).transitEncryptionMode("required").atRestEncryptionEnabled(true)
                .authToken("a-long-enough-auth-token").snapshotRetentionLimit(7).autoMinorVersionUpgrade(true)
                .tags(tag("Environment", "production"), tag("App", "shop"), tag("Owner", "team-a")));
        ec.createReplicationGroup(b -> b.replicationGroupId("half-tls").replicationGroupDescription("TLS preferred").engine("redis")
                .cacheNodeType("cache.r6g.large").numCacheClusters(2).transitEncryptionEnabled(true).transitEncryptionMode("preferred")
                .tags(tag("Environment", "production")));
        ec.createReplicationGroup(b -> b.replicationGroupId("rbac").replicationGroupDescription("RBAC user group").engine("redis")
                .cacheNodeType("cache.r6g.large").numCacheClusters(2).replicasPerNodeGroup(1).transitEncryptionEnabled(true)
                .userGroupIds("ug-app"));
        ec.createCacheCluster(b -> b.cacheClusterId("devbox").engine("redis").cacheNodeType("cache.t3.micro").numCacheNodes(1)
                .tags(tag("Environment", "development")));
        fleet.memoryDb().createCluster(b -> b.clusterName("vault").nodeType("db.r6g.large").aclName("app-users").numShards(1)
                .numReplicasPerShard(1).tlsEnabled(true).securityGroupIds(openGroup).snapshotRetentionLimit(7));
        var orders = ec.describeReplicationGroups(b -> b.replicationGroupId("orders")).replicationGroups().get(0);
        fleet.tag(orders.arn(), "cachewatch:waive:at-rest-encryption", "encrypted by the client library, ticket SEC-12");
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private JsonNode json(CachewatchJar.Result result) {
        try {
            JsonNode doc = JSON.readTree(result.stdout());
            if (doc == null || !(doc.isArray() || doc.has("results"))) {
                throw new AssertionError("not an audit document: " + result);
            }
            return doc;
        } catch (Exception e) {
            throw new AssertionError("stdout is not one JSON document: " + result, e);
        }
    }

    private static JsonNode result(JsonNode doc, String cluster, String check) {
        for (JsonNode r : doc.get("results")) {
            if (r.get("cluster").asText().equals(cluster) && r.get("check").asText().equals(check)) {
                return r;
            }
        }
        throw new AssertionError("no result " + cluster + "/" + check);
    }

    private static String status(JsonNode doc, String cluster, String check) {
        return result(doc, cluster, check).get("status").asText();
    }

    @Test
    void liveAuditJudgesEveryClusterOnceByCheckAndListsWhatMotoCannotAnswer() {
        CachewatchJar.Result run = cachewatch.run("audit", "--output", "json");
        JsonNode doc = json(run);

        List<String> clusters = List.of("orders", "feed", "sessions-mc", "solo", "ledger", "secure", "half-tls", "rbac", "devbox", "vault");
        assertThat(doc.get("results")).hasSize(clusters.size() * CheckCatalog.ALL.size());
        for (String cluster : clusters) {
            List<String> checks = new ArrayList<>();
            doc.get("results").forEach(r -> {
                if (r.get("cluster").asText().equals(cluster)) {
                    checks.add(r.get("check").asText());
                }
            });
            assertThat(checks).as(cluster).containsExactlyElementsOf(CheckCatalog.ids());
        }

        // the good replication group
        for (String check : List.of("in-transit-encryption", "at-rest-encryption", "authentication", "automatic-failover", "multi-az",
                "backup-retention", "required-tags")) {
            assertThat(status(doc, "secure", check)).as("secure " + check + ": " + result(doc, "secure", check)).isEqualTo("pass");
        }
        assertThat(result(doc, "secure", "in-transit-encryption").get("evidence").get("transitEncryptionMode").asText()).isEqualTo("required");
        assertThat(result(doc, "secure", "backup-retention").get("evidence").get("snapshotRetentionLimit").asInt()).isEqualTo(7);
        // moto lists no member clusters: what lives on members (subnet group, security groups, engine version) is unknown
        assertThat(status(doc, "secure", "default-subnet-group")).isEqualTo("unknown");
        assertThat(result(doc, "secure", "default-subnet-group").get("reason").asText()).contains("not listed by DescribeCacheClusters");
        assertThat(status(doc, "secure", "open-security-group")).isEqualTo("unknown");
        // DescribeUpdateActions is not implemented by moto: unknown, with the failure as the reason, never a pass
        assertThat(status(doc, "secure", "security-updates")).isEqualTo("unknown");
        assertThat(result(doc, "secure", "security-updates").get("reason").asText()).contains("DescribeUpdateActions failed");

        // TLS in preferred mode still accepts plaintext
        assertThat(status(doc, "half-tls", "in-transit-encryption")).isEqualTo("fail");
        assertThat(result(doc, "half-tls", "in-transit-encryption").get("evidence").get("transitEncryptionMode").asText()).isEqualTo("preferred");
        assertThat(status(doc, "half-tls", "authentication")).isEqualTo("fail");
        assertThat(result(doc, "half-tls", "authentication").get("severity").asText()).isEqualTo("high");
        assertThat(result(doc, "half-tls", "backup-retention").get("evidence").get("minimumDays").asInt()).isEqualTo(7); // production policy

        // a user group is attached, but moto cannot describe it: whether its default user is open is unknown, never a pass
        JsonNode rbac = result(doc, "rbac", "authentication");
        assertThat(rbac.get("status").asText()).isEqualTo("unknown");
        assertThat(rbac.get("reason").asText()).contains("ElastiCache.DescribeUserGroups failed");
        assertThat(rbac.get("evidence").get("userGroupIds").get(0).asText()).isEqualTo("ug-app");

        // the waiver keeps the evidence and shows the reason
        JsonNode waived = result(doc, "orders", "at-rest-encryption");
        assertThat(waived.get("status").asText()).isEqualTo("waived");
        assertThat(waived.get("waiver").asText()).isEqualTo("encrypted by the client library, ticket SEC-12");
        assertThat(waived.get("evidence").has("atRestEncryptionEnabled")).isTrue();

        // Memcached: no backups, no at-rest encryption, no AUTH
        assertThat(status(doc, "sessions-mc", "backup-retention")).isEqualTo("not-applicable");
        assertThat(result(doc, "sessions-mc", "backup-retention").get("reason").asText()).isEqualTo("node-based Memcached has no backups");
        assertThat(status(doc, "sessions-mc", "at-rest-encryption")).isEqualTo("not-applicable");
        assertThat(status(doc, "sessions-mc", "authentication")).isEqualTo("not-applicable");

        // a single node cannot fail over; on a development cluster the policy turns the check off
        assertThat(status(doc, "solo", "automatic-failover")).isEqualTo("fail");
        assertThat(status(doc, "devbox", "automatic-failover")).isEqualTo("not-applicable");
        assertThat(result(doc, "devbox", "automatic-failover").get("reason").asText()).isEqualTo("disabled by the audit policy of profile development");
        assertThat(status(doc, "devbox", "required-tags")).isEqualTo("fail");

        // MemoryDB: open-access fails; an own ACL passes; the security group is read from EC2 and is open to the world
        assertThat(status(doc, "ledger", "memorydb-open-access")).isEqualTo("fail");
        assertThat(status(doc, "ledger", "at-rest-encryption")).isEqualTo("pass");
        assertThat(status(doc, "vault", "memorydb-open-access")).isEqualTo("pass");
        JsonNode open = result(doc, "vault", "open-security-group");
        assertThat(open.get("status").asText()).as(open.toString()).isEqualTo("fail");
        assertThat(open.get("evidence").get("openRules").get(0).get("securityGroup").asText()).isEqualTo(openGroup);
        assertThat(open.get("remediation").asText()).contains("revoke-security-group-ingress");
        assertThat(status(doc, "vault", "backup-retention")).isEqualTo("pass");

        // alarms-in-place: nothing reconciled yet, so every managed cluster misses its alarms
        assertThat(status(doc, "orders", "alarms-in-place")).isEqualTo("fail");
        assertThat(result(doc, "orders", "alarms-in-place").get("evidence").get("missing").size()).isGreaterThan(0);

        // moto answers the service-update calls with HTTP 500: errors, so exit 1
        assertThat(doc.get("errors").toString()).contains("DescribeUpdateActions").contains("DescribeServiceUpdates").contains("DescribeUserGroups");
        // moto implements neither reserved nodes nor parameters: unknown with the API error, never pass or fail
        for (String[] expected : List.of(new String[] {"orders", "reserved-coverage", "ElastiCache.DescribeReservedCacheNodes failed"},
                new String[] {"solo", "reserved-coverage", "ElastiCache.DescribeReservedCacheNodes failed"},
                new String[] {"ledger", "reserved-coverage", "MemoryDb.DescribeReservedNodes failed"},
                // moto returns no CacheParameterGroup for a cache cluster, so there is no group to read
                new String[] {"solo", "maxmemory-policy", "DescribeCacheClusters returned no CacheParameterGroup"},
                new String[] {"ledger", "maxmemory-policy", "MemoryDb.DescribeParameters failed"},
                // moto lists no replication-group members, which carry the parameter group
                new String[] {"orders", "maxmemory-policy", "were not listed by DescribeCacheClusters"})) {
            JsonNode r = result(doc, expected[0], expected[1]);
            assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("unknown");
            assertThat(r.get("reason").asText()).as(r.toString()).contains(expected[2]);
        }
        assertThat(status(doc, "sessions-mc", "maxmemory-policy")).isEqualTo("not-applicable");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        // no per-node or per-cluster posture calls: one security group read and one alarm listing for the region
        JsonNode calls = doc.get("apiCalls");
        assertThat(calls.path("Ec2.DescribeSecurityGroups").asInt()).as(calls.toString()).isEqualTo(1);
        assertThat(calls.path("CloudWatch.DescribeAlarms").asInt()).as(calls.toString()).isEqualTo(1);
    }

    @Test
    void alarmsInPlacePassesOnceReconciled() {
        assertThat(cachewatch.run("reconcile", "--only", "alarms").exitCode()).isZero();
        JsonNode doc = json(cachewatch.run("audit", "--output", "json", "--cluster", "orders", "--cluster", "ledger"));
        assertThat(doc.get("results")).hasSize(2 * CheckCatalog.ALL.size());
        assertThat(status(doc, "orders", "alarms-in-place")).isEqualTo("pass");
        assertThat(status(doc, "ledger", "alarms-in-place")).isEqualTo("pass");
    }

    @Test
    void offlineAuditOfASavedInventoryGatesOnSeverity() throws Exception {
        CachewatchJar.Result discovered = cachewatch.run("discover", "--output", "json");
        Path file = Files.writeString(tmp.resolve("inventory.json"), discovered.stdout());

        CachewatchJar.Result high = cachewatch.run("audit", "--inventory", file.toString(), "--output", "json");
        JsonNode doc = json(high);
        assertThat(doc.get("errors")).isEmpty();
        assertThat(doc.get("apiCalls")).isEmpty();
        assertThat(status(doc, "half-tls", "in-transit-encryption")).isEqualTo("fail");
        assertThat(status(doc, "orders", "alarms-in-place")).isEqualTo("unknown");
        assertThat(high.exitCode()).as(high.stderr()).isEqualTo(2);

        assertThat(cachewatch.run("audit", "--inventory", file.toString(), "--fail-on", "never").exitCode()).isZero();
        CachewatchJar.Result onlySecure = cachewatch.run("audit", "--inventory", file.toString(), "--cluster", "secure", "--fail-on", "high");
        assertThat(onlySecure.exitCode()).as(onlySecure.stdout()).isZero();
        assertThat(onlySecure.stdout()).contains("elasticache secure").contains("security").contains("Audit: ");
        CachewatchJar.Result misspelt = cachewatch.run("audit", "--inventory", file.toString(), "--cluster", "secrue", "--fail-on", "never");
        assertThat(misspelt.exitCode()).isEqualTo(1);
        assertThat(misspelt.stdout()).contains("no cluster secrue in the audited regions");
    }

    @Test
    void aMissingInventoryIsOneJsonErrorDocument() {
        CachewatchJar.Result run = cachewatch.run("audit", "--inventory", tmp.resolve("missing.json").toString(), "--output", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        try {
            assertThat(JSON.readTree(run.stdout()).get("errors").get(0).get("source").asText()).isEqualTo("inventory");
        } catch (Exception e) {
            throw new AssertionError(run.toString(), e);
        }
    }

    @Test
    void asffOutputIsAListOfFindingsWithStableIds() {
        JsonNode findings = json(cachewatch.run("audit", "--output", "asff", "--cluster", "ledger"));
        assertThat(findings.isArray()).isTrue();
        assertThat(findings).hasSize(CheckCatalog.ALL.size());
        JsonNode open = null;
        for (JsonNode f : findings) {
            if (f.get("Id").asText().equals("cachewatch/us-east-1/memorydb/ledger/memorydb-open-access")) {
                open = f;
            }
        }
        assertThat(open).isNotNull();
        assertThat(open.get("Compliance").get("Status").asText()).isEqualTo("FAILED");
        assertThat(open.get("Resources").get(0).get("Id").asText()).startsWith("arn:aws:memorydb:us-east-1:");
    }

    @Test
    void securityHubImportUpdatesInsteadOfDuplicatingAndAFixedClusterTurnsPassed() {
        try (var hub = software.amazon.awssdk.services.securityhub.SecurityHubClient.builder().endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create()).build()) {
            // JSON output so that the calls (BatchImportFindings) are recorded for IamPolicyIT
            CachewatchJar.Result first = cachewatch.run("audit", "--to", "security-hub", "--cluster", "vault", "--output", "json");
            assertThat(json(first).get("apiCalls").path("SecurityHub.BatchImportFindings").asInt()).isEqualTo(1);
            assertThat(first.stderr()).contains("imported " + CheckCatalog.ALL.size() + " of " + CheckCatalog.ALL.size() + " findings into Security Hub");
            Map<String, String> compliance = findings(hub);
            assertThat(compliance).hasSize(CheckCatalog.ALL.size());
            assertThat(compliance).containsEntry("cachewatch/us-east-1/memorydb/vault/open-security-group", "FAILED")
                    .containsEntry("cachewatch/us-east-1/memorydb/vault/required-tags", "FAILED")
                    .containsEntry("cachewatch/us-east-1/memorydb/vault/memorydb-open-access", "PASSED");

            String arn = fleet.memoryDb().describeClusters(b -> b.clusterName("vault")).clusters().get(0).arn();
            fleet.memoryDb().tagResource(b -> b.resourceArn(arn).tags(
                    software.amazon.awssdk.services.memorydb.model.Tag.builder().key("Environment").value("production").build(),
                    software.amazon.awssdk.services.memorydb.model.Tag.builder().key("App").value("vault").build(),
                    software.amazon.awssdk.services.memorydb.model.Tag.builder().key("Owner").value("team-a").build()));
            cachewatch.run("audit", "--to", "security-hub", "--cluster", "vault");

            Map<String, String> after = findings(hub);
            assertThat(after).hasSize(CheckCatalog.ALL.size()); // updated, not duplicated
            assertThat(after).containsEntry("cachewatch/us-east-1/memorydb/vault/required-tags", "PASSED")
                    .containsEntry("cachewatch/us-east-1/memorydb/vault/open-security-group", "FAILED");
        }
    }

    /** Every finding in Security Hub: id → compliance status. */
    private static Map<String, String> findings(software.amazon.awssdk.services.securityhub.SecurityHubClient hub) {
        Map<String, String> byId = new java.util.TreeMap<>();
        List<String> ids = new ArrayList<>();
        hub.getFindingsPaginator(b -> b.maxResults(100)).findings().forEach(f -> {
            ids.add(f.id());
            byId.put(f.id(), f.compliance().statusAsString());
        });
        assertThat(ids).as("no duplicate ids").doesNotHaveDuplicates();
        return byId;
    }

    @Test
    void notifySendsOnlyWhatChanged() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (var sns = software.amazon.awssdk.services.sns.SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(ApacheHttpClient.create()).build();
             var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(ApacheHttpClient.create()).build()) {
            String topic = sns.createTopic(b -> b.name("audit")).topicArn();
            String url = sqs.createQueue(b -> b.queueName("audit")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    software.amazon.awssdk.services.sqs.model.QueueAttributeName.QUEUE_ARN)).attributes()
                    .get(software.amazon.awssdk.services.sqs.model.QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn).attributes(Map.of("RawMessageDelivery", "true")));
            CachewatchJar notifying = cachewatch.env("CACHEWATCH_NOTIFY_DEFAULT_TOPIC", topic)
                    .env("CACHEWATCH_SLOWLOG_STATE_FILE", tmp.resolve("state/slowlog-state.json").toString());

            JsonNode first = json(notifying.run("audit", "--notify", "--output", "json", "--cluster", "vault"));
            List<JsonNode> sent = receive(sqs, url);
            long failing = 0;
            for (JsonNode r : first.get("results")) {
                failing += r.get("status").asText().equals("fail") ? 1 : 0;
            }
            assertThat(sent).hasSize((int) failing);
            assertThat(sent).allSatisfy(m -> assertThat(m.at("/metadata/threadId").asText()).isEqualTo("cachewatch-audit/us-east-1/memorydb/vault"));
            assertThat(sent).anySatisfy(m -> assertThat(m.at("/content/title").asText()).contains("vault: open-security-group fails (high)"));
            assertThat(Files.exists(tmp.resolve("state/audit-state.json"))).isTrue();

            notifying.run("audit", "--notify", "--cluster", "vault");
            assertThat(receive(sqs, url)).as("nothing changed, nothing repeated").isEmpty();

            String arn = fleet.memoryDb().describeClusters(b -> b.clusterName("vault")).clusters().get(0).arn();
            fleet.memoryDb().tagResource(b -> b.resourceArn(arn).tags(
                    software.amazon.awssdk.services.memorydb.model.Tag.builder().key("Environment").value("production").build(),
                    software.amazon.awssdk.services.memorydb.model.Tag.builder().key("App").value("vault").build(),
                    software.amazon.awssdk.services.memorydb.model.Tag.builder().key("Owner").value("team-a").build()));
            notifying.run("audit", "--notify", "--cluster", "vault");
            List<JsonNode> resolved = receive(sqs, url);
            assertThat(resolved).singleElement().satisfies(m ->
                    assertThat(m.at("/content/title").asText()).isEqualTo(":white_check_mark: vault: required-tags resolved (low)"));
        }
    }

    private static List<JsonNode> receive(software.amazon.awssdk.services.sqs.SqsClient sqs, String url) {
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            var batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            for (var m : batch) {
                try {
                    all.add(JSON.readTree(m.body()));
                } catch (Exception e) {
                    throw new AssertionError(m.body(), e);
                }
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }

    @Test
    void anEmptyWaiverReasonIsAnErrorOfThatCluster() {
        var solo = fleet.elastiCache().describeCacheClusters(b -> b.cacheClusterId("solo")).cacheClusters().get(0);
        fleet.tag(solo.arn(), "cachewatch:waive:multi-az", "");
        CachewatchJar.Result discovered = cachewatch.run("discover", "--output", "json");
        CachewatchJar.Result run;
        try {
            Path file = Files.writeString(tmp.resolve("inventory.json"), discovered.stdout());
            run = cachewatch.run("audit", "--inventory", file.toString(), "--output", "json", "--cluster", "solo");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JsonNode doc = json(run);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(doc.get("errors").get(0).get("cluster").asText()).isEqualTo("solo");
        assertThat(doc.get("errors").get(0).get("message").asText()).contains("cachewatch:waive:multi-az").contains("no reason");
        assertThat(status(doc, "solo", "multi-az")).isEqualTo("fail");
    }

    @Test
    void validateReportsUnknownAuditChecksWithFileAndLine() throws Exception {
        Path profiles = Files.createDirectory(tmp.resolve("profiles"));
        for (String name : List.of("default.yaml", "production.yaml", "development.yaml")) {
            Files.copy(Path.of("alarm-profiles", name), profiles.resolve(name));
        }
        Files.writeString(profiles.resolve("development.yaml"), Files.readString(profiles.resolve("development.yaml")).replace("- multi-az", "- multiaz"));
        CachewatchJar.Result run = cachewatch.run("validate", "--profiles", profiles.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).containsPattern("development\\.yaml:\\d+: audit\\.disable\\[0\\]: unknown audit check 'multiaz'");
        CachewatchJar.Result audit = cachewatch.run("audit", "--profiles", profiles.toString(), "--output", "json");
        assertThat(audit.exitCode()).isEqualTo(1);
        assertThat(json(audit).get("results")).isEmpty();
        assertThat(Map.of("calls", json(audit).get("apiCalls").size())).containsEntry("calls", 0);
    }
}
