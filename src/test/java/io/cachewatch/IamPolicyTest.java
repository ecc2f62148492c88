package io.cachewatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.testing.IamPolicy;
import java.nio.file.Path;
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
