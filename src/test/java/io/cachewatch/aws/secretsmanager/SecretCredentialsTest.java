package io.cachewatch.aws.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

class SecretCredentialsTest {
    private static final String PASSWORD = "s3cret-Pa55word-0815";

    @Test
    void readsTheUserShapeOfElastiCacheAndMemoryDbAndBareTokens() {
        assertThat(SecretCredentials.parse("{\"username\":\"cachewatch-slowlog\",\"password\":\"" + PASSWORD + "\",\"engine\":\"redis\"}"))
                .isEqualTo(new SecretCredentials("cachewatch-slowlog", PASSWORD));
        assertThat(SecretCredentials.parse("{\"password\":\"" + PASSWORD + "\"}")).isEqualTo(new SecretCredentials(null, PASSWORD));
        assertThat(SecretCredentials.parse("{\"username\":\"\",\"password\":\"" + PASSWORD + "\"}").username()).isNull();
        assertThat(SecretCredentials.parse(PASSWORD)).isEqualTo(new SecretCredentials(null, PASSWORD));
    }

    @Test
    void rejectsOtherShapesWithoutQuotingTheValue() {
        for (String bad : new String[] {"{\"user\":\"a\",\"pass\":\"" + PASSWORD + "\"}", "{\"password\":" + 42 + "}",
                "{\"password\":\"" + PASSWORD + "\"", "{\"username\":7,\"password\":\"" + PASSWORD + "\"}", "  ", ""}) {
            assertThatThrownBy(() -> SecretCredentials.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(SecretCredentials.NOT_CREDENTIALS)
                    .message().doesNotContain(PASSWORD);
        }
        assertThat(new SecretCredentials("u", PASSWORD).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void anArnNamesItsRegionANameUsesTheClusters() {
        assertThat(SecretsManagerCredentials.regionOf("arn:aws:secretsmanager:eu-west-1:123456789012:secret:redis/orders-AbCdEf", "us-east-1"))
                .isEqualTo("eu-west-1");
        assertThat(SecretsManagerCredentials.regionOf("redis/orders", "us-east-1")).isEqualTo("us-east-1");
        assertThat(SecretsManagerCredentials.regionOf("a:b:c", "us-east-1")).isEqualTo("us-east-1");
    }

    @Test
    void errorCodesBecomeShortReasons() {
        assertThat(SecretsManagerCredentials.reason(error("AccessDeniedException"))).isEqualTo("AccessDenied");
        assertThat(SecretsManagerCredentials.reason(error("ResourceNotFoundException"))).isEqualTo("not found");
        assertThat(SecretsManagerCredentials.reason(error("DecryptionFailure"))).contains("KMS");
        assertThat(SecretsManagerCredentials.reason(error("InternalServiceError"))).isEqualTo("InternalServiceError");
    }

    private static SecretsManagerException error(String code) {
        return (SecretsManagerException) SecretsManagerException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build()).statusCode(400).build();
    }
}
