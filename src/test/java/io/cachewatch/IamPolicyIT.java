package io.cachewatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.testing.AwsOperationsLog;
import io.cachewatch.testing.IamPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * deploy/iam-policy.json grants exactly what the integration tests saw cachewatch call. Runs after every other IT
 * (junit-platform.properties orders classes by @Order); the operations come from {@link AwsOperationsLog}, so new
 * calls (dashboards, SNS, Secrets Manager) fail this test until the policy grants them.
 */
@Order(Integer.MAX_VALUE)
class IamPolicyIT {
    @Test
    void thePolicyGrantsEveryOperationCalledAndNothingElse() throws Exception {
        Path log = AwsOperationsLog.file();
        assertThat(log).as("run the whole integration suite (./mvnw verify): it records the operations").exists();
        Set<String> operations = AwsOperationsLog.read();
        Set<String> granted = IamPolicy.actions(Path.of(System.getProperty("cachewatch.project.dir", "."), "deploy/iam-policy.json"));
        assertThat(operations).as("recorded operations").contains("CloudWatch.PutMetricAlarm", "ElastiCache.DescribeReplicationGroups",
                "ResourceGroupsTaggingApi.GetResources");
        assertThat(IamPolicy.missing(operations, granted)).as("called but not granted by deploy/iam-policy.json (recorded: %s)", operations).isEmpty();
        assertThat(IamPolicy.unused(operations, granted)).as("granted but never called (recorded: %s)", operations).isEmpty();
        assertThat(Files.size(log)).isPositive();
    }
}
