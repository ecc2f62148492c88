package io.cachewatch.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Real SDK CloudWatch clients pointed at a {@link CloudWatchBridge}, as production builds them but for the endpoint. */
public final class CloudWatchClients {
    public static final Region REGION = Region.US_EAST_1;

    private CloudWatchClients() {
    }

    public static CloudWatchClient to(URI endpoint, RetryStrategy retryStrategy) {
        return CloudWatchClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(retryStrategy))
                .build();
    }
}
