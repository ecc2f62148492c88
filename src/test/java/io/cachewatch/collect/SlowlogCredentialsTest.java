package io.cachewatch.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.Fixtures;
import io.cachewatch.aws.secretsmanager.SecretsManagerCredentials;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.inventory.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which credentials win. The Secrets Manager side is exercised against moto in SlowlogAwsIT; here every client
 * request fails the test, so a resolution that must not touch Secrets Manager is shown not to.
 */
class SlowlogCredentialsTest {
    private final List<String> asked = new ArrayList<>();
    private final SecretsManagerCredentials noCalls = new SecretsManagerCredentials(region -> {
        asked.add(region);
        throw new AssertionError("no Secrets Manager call expected");
    });

    record Creds(Optional<String> username, Optional<String> password, Optional<String> secretArn, Optional<String> secret)
            implements CachewatchConfig.Slowlog.Credentials {
    }

    @Test
    void aConfiguredPasswordWinsOverEverySecret() {
        Cluster tagged = Fixtures.withTags(Fixtures.redisSingleNode("orders", "cache.t3.micro", 2), Map.of(SlowlogCredentials.SECRET_TAG, "redis/orders"));
        SlowlogCredentials credentials = new SlowlogCredentials(Map.of("orders",
                new Creds(Optional.of("app"), Optional.of("pw"), Optional.of("arn:aws:secretsmanager:us-east-1:1:secret:x"), Optional.empty())), noCalls);
        SlowlogCredentials.Resolved resolved = credentials.of(tagged);
        assertThat(resolved.username()).isEqualTo("app");
        assertThat(resolved.password()).isEqualTo("pw");
        assertThat(resolved.failure()).isNull();
        assertThat(resolved.toString()).doesNotContain("pw,").contains("***");
        assertThat(asked).isEmpty();
    }

    @Test
    void withoutConfigurationOrTagThereAreNoCredentialsAndNoCall() {
        SlowlogCredentials credentials = new SlowlogCredentials(Map.of(), noCalls);
        assertThat(credentials.of(Fixtures.redisSingleNode("solo", "cache.t3.micro", 2)))
                .isEqualTo(new SlowlogCredentials.Resolved(null, null, null));
        assertThat(asked).isEmpty();
    }
}
