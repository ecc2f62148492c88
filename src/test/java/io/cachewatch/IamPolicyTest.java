package io.cachewatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.testing.IamPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IamPolicyTest {
    @Test
    void operationsMapToIamActions() {
        assertThat(IamPolicy.action("CloudWatch.PutMetricAlarm")).isEqualTo("cloudwatch:PutMetricAlarm");
        assertThat(IamPolicy.action("MemoryDb.DescribeClusters")).isEqualTo("memorydb:DescribeClusters");
        assertThat(IamPolicy.action("ElastiCache.ListTagsForResource")).isEqualTo("elasticache:ListTagsForResource");
        assertThat(IamPolicy.action("SecretsManager.GetSecretValue")).isEqualTo("secretsmanager:GetSecretValue");
        assertThat(IamPolicy.action("Sts.AssumeRole")).isEqualTo("sts:AssumeRole");
        assertThat(IamPolicy.action("Sns.PublishBatch")).as("no IAM action of its own").isEqualTo("sns:Publish");
        assertThat(IamPolicy.action("ResourceGroupsTaggingApi.GetResources")).as("the tagging API's prefix is tag").isEqualTo("tag:GetResources");
        assertThat(IamPolicy.needed(List.of("DynamoDb.TransactWriteItems", "DynamoDb.Query"))).as("a transaction's actions by their kind")
                .containsExactly("dynamodb:ConditionCheckItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Query");
    }

    /**
     * Publishing and assuming roles have resource-level permissions: the policy names the configured topics and
     * target roles (placeholders to replace, deploy.md "Permissions"), never every topic or a role in any account.
     */
    @Test
    void publishAndAssumeRoleNameTheirResourcesNotEveryAccount() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(Path.of("deploy/iam-policy.json").toFile());
        List<String> checked = new ArrayList<>();
        for (JsonNode statement : policy.get("Statement")) {
            List<String> actions = new ArrayList<>();
            JsonNode a = statement.get("Action");
            (a.isArray() ? a : new ObjectMapper().createArrayNode().add(a)).forEach(x -> actions.add(x.asText()));
            if (!actions.contains("sns:Publish") && !actions.contains("sts:AssumeRole")) {
                continue;
            }
            JsonNode r = statement.get("Resource");
            (r.isArray() ? r : new ObjectMapper().createArrayNode().add(r)).forEach(x -> checked.add(x.asText()));
        }
        assertThat(checked).isNotEmpty().allSatisfy(arn -> {
            assertThat(arn).doesNotContain("*");
            assertThat(arn).matches("arn:aws:(sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]+(\\.fifo)?|iam::\\d{12}:role/[\\w+=,.@/-]+)");
        });
    }

    @Test
    void anOperationWithoutItsPermissionIsFoundAndSoIsAnUnusedGrant() throws Exception {
        Set<String> granted = IamPolicy.actions(Path.of("deploy/iam-policy.json"));
        assertThat(IamPolicy.missing(List.of("CloudWatch.SetAlarmState", "CloudWatch.DescribeAlarms"), granted))
                .containsExactly("cloudwatch:SetAlarmState");
        assertThat(IamPolicy.unused(List.of("CloudWatch.DescribeAlarms"), granted)).contains("cloudwatch:PutMetricAlarm")
                .doesNotContain("cloudwatch:DescribeAlarms");
        assertThat(IamPolicy.missing(List.of("CloudWatch.PutMetricAlarm"), granted)).isEmpty();
    }
}
