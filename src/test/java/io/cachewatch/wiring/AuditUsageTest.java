package io.cachewatch.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.aws.cloudwatch.CloudWatchMetricReader;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.RegionInventory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;

/**
 * How a failed GetMetricData pass reaches the audit: a denied call leaves the region's usage unknown with the reason and
 * is not an error; any other failure is unknown too and an error of the run. The client is a stand-in that fails every
 * call with the error AWS documents (AccessDenied, HTTP 403 / InternalServiceError, HTTP 500); the real calls are
 * covered by UsageAuditIT against moto.
 */
class AuditUsageTest {
    private static CloudWatchClient failing(String code, int status) {
        return (CloudWatchClient) Proxy.newProxyInstance(CloudWatchClient.class.getClassLoader(), new Class<?>[] {CloudWatchClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMetricData") && args != null && args[0] instanceof GetMetricDataRequest) {
                        throw AwsServiceException.builder().statusCode(status)
                                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " for test").build()).build();
                    }
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Fleet fleet(Cluster... clusters) {
        return new Fleet(List.of(new RegionInventory("us-east-1", List.of(clusters), List.of())));
    }

    @Test
    void aDeniedReadIsUnknownWithTheReasonAndNotAnError() {
        Cluster group = Fixtures.redisReplicationGroup("orders", 1, Map.of());
        AuditUsage.Read read = AuditUsage.read(fleet(group), new CloudWatchMetricReader(r -> failing("AccessDenied", 403)),
                Duration.ofDays(14), Instant.parse("2026-11-30T10:17:00Z"));
        assertThat(read.errors()).isEmpty();
        assertThat(read.usage().byCluster()).isEmpty();
        assertThat(read.usage().whyUnknown(group.key())).startsWith("GetMetricData failed: ").contains("AccessDenied");
        assertThat(read.calls()).isZero(); // counted only when answered
    }

    @Test
    void anyOtherFailureIsAnErrorOfTheRunToo() {
        Cluster group = Fixtures.redisReplicationGroup("orders", 1, Map.of());
        AuditUsage.Read read = AuditUsage.read(fleet(group), new CloudWatchMetricReader(r -> failing("InternalServiceError", 500)),
                Duration.ofDays(14), Instant.parse("2026-11-30T10:17:00Z"));
        assertThat(read.errors()).singleElement().satisfies(e -> {
            assertThat(e.region()).isEqualTo("us-east-1");
            assertThat(e.operation()).isEqualTo("CloudWatch.GetMetricData");
        });
        assertThat(read.usage().whyUnknown(group.key())).contains("InternalServiceError");
    }

    @Test
    void regionsWithoutClustersCostNoCall() {
        AuditUsage.Read read = AuditUsage.read(new Fleet(List.of(new RegionInventory("eu-west-1", List.of(), List.of()))),
                new CloudWatchMetricReader(r -> failing("AccessDenied", 403)), Duration.ofDays(14), Instant.now());
        assertThat(read.errors()).isEmpty();
        assertThat(read.calls()).isZero();
    }
}
