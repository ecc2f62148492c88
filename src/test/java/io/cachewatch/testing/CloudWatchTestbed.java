package io.cachewatch.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * A moto server, a {@link CloudWatchBridge} in front of it and the real SDK clients pointed at the bridge: what every
 * CloudWatch integration test and benchmark needs. In a test class register it as a JUnit extension,
 * {@code @RegisterExtension static final CloudWatchTestbed TESTBED = CloudWatchTestbed.start();}: it then resets
 * before each test and closes after the class. Elsewhere close it yourself.
 */
public final class CloudWatchTestbed implements AutoCloseable, BeforeEachCallback, AfterAllCallback {
    public static final Region REGION = Region.US_EAST_1;

    private final MotoServer moto;
    private final CloudWatchBridge bridge;
    private final List<CloudWatchClient> clients = new ArrayList<>();

    private CloudWatchTestbed(MotoServer moto) {
        this.moto = moto;
        this.bridge = CloudWatchBridge.start(moto.endpoint());
    }

    public static CloudWatchTestbed start() {
        return new CloudWatchTestbed(MotoServer.start());
    }

    public CloudWatchBridge bridge() {
        return bridge;
    }

    /** A client built as production builds one (Apache HTTP client, given retry strategy) but for the endpoint. */
    public synchronized CloudWatchClient client(RetryStrategy retryStrategy) {
        CloudWatchClient client = CloudWatchClient.builder()
                .endpointOverride(bridge.endpoint())
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(retryStrategy))
                .build();
        clients.add(client);
        return client;
    }

    /** Clears moto's state and the bridge's recorder, throttles and paging. */
    public void reset() {
        moto.reset();
        bridge.reset();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        clients.forEach(CloudWatchClient::close);
        bridge.close();
        moto.close();
    }
}
