package io.cachewatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.aws.dynamodb.DynamoDbLeaseStore;
import io.cachewatch.state.StateTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The deploy kit's table (CloudFormation snippet, create-table line, IAM statement) is the layout the code uses. */
class StateTableDeployTest {
    @Test
    void theCloudFormationSnippetAndTheCreateTableLineDefineTheTableTheStoreUses() throws Exception {
        JsonNode table = new ObjectMapper().readTree(Path.of("deploy/state-table.cfn.json").toFile()).at("/Resources/StateTable/Properties");
        assertThat(table.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.path("KeySchema").toString()).isEqualTo("[{\"AttributeName\":\"" + StateTable.PARTITION_KEY + "\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"" + StateTable.SORT_KEY + "\",\"KeyType\":\"RANGE\"}]");
        assertThat(table.path("AttributeDefinitions").toString()).isEqualTo("[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}]");
        String deploy = Files.readString(Path.of("docs/deploy.md"));
        assertThat(deploy).contains("--attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S",
                "--key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE", "--billing-mode PAY_PER_REQUEST");
    }

    @Test
    void bothEnableTimeToLiveOnTheHeartbeatsTtlAttribute() throws Exception {
        JsonNode table = new ObjectMapper().readTree(Path.of("deploy/state-table.cfn.json").toFile()).at("/Resources/StateTable/Properties");
        assertThat(table.path("TimeToLiveSpecification").path("AttributeName").asText()).isEqualTo(DynamoDbLeaseStore.TTL);
        assertThat(table.path("TimeToLiveSpecification").path("Enabled").asBoolean()).isTrue();
        String deploy = Files.readString(Path.of("docs/deploy.md"));
        String createTable = deploy.substring(deploy.indexOf("aws dynamodb create-table"));
        String block = createTable.substring(0, createTable.indexOf("```"));
        assertThat(block).contains("aws dynamodb update-time-to-live --table-name cachewatch-state",
                "--time-to-live-specification Enabled=true,AttributeName=" + DynamoDbLeaseStore.TTL);
    }

    @Test
    void theStateStatementNamesTheTableNotEveryTable() throws Exception {
        for (JsonNode statement : new ObjectMapper().readTree(Path.of("deploy/iam-policy.json").toFile()).get("Statement")) {
            if (statement.path("Sid").asText().equals("ServeStateTable")) {
                assertThat(statement.path("Resource").asText()).matches("arn:aws:dynamodb:[a-z0-9-]+:\\d{12}:table/[A-Za-z0-9_.-]{3,255}");
                return;
            }
        }
        throw new AssertionError("deploy/iam-policy.json has no ServeStateTable statement");
    }
}
