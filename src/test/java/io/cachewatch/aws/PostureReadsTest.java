package io.cachewatch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.posture.Posture;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** How posture readers sort failures: not permitted / not offered leaves fields unknown; anything else is also an error. */
class PostureReadsTest {
    private static AwsServiceException error(int status, String code) {
        return (AwsServiceException) AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build()).build();
    }

    private static RegionInventory region() {
        return new RegionInventory("us-east-1", List.of(Fixtures.redisReplicationGroup("orders", 1, java.util.Map.of()).withPosture(Posture.EMPTY)), List.of());
    }

    @Test
    void accessDeniedIsUnknownWithoutError() {
        RegionInventory after = PostureReads.failed(region(), c -> true, "Ec2.DescribeSecurityGroups", error(403, "UnauthorizedOperation"), "securityGroups");
        assertThat(after.errors()).isEmpty();
        assertThat(after.clusters().get(0).posture().whyUnknown("securityGroups"))
                .isEqualTo("Ec2.DescribeSecurityGroups failed: UnauthorizedOperation: m");
    }

    @Test
    void aServerErrorWithoutCodeIsAnErrorAndUnknown() {
        // moto answers operations it does not implement with an HTML 500 page: no error code at all
        AwsServiceException noCode = (AwsServiceException) AwsServiceException.builder().statusCode(500).build();
        RegionInventory after = PostureReads.failed(region(), c -> true, "ElastiCache.DescribeUpdateActions", noCode, "updates");
        assertThat(after.errors()).singleElement().satisfies(e -> assertThat(e.operation()).isEqualTo("ElastiCache.DescribeUpdateActions"));
        assertThat(after.clusters().get(0).posture().unknown()).containsKey("updates");
    }
}
