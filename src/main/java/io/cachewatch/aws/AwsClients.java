package io.cachewatch.aws;

import io.cachewatch.config.CachewatchConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * SDK clients per service and region, built once and shared. Credentials, endpoints ({@code AWS_ENDPOINT_URL},
 * {@code AWS_ENDPOINT_URL_<SERVICE>}) and profiles come from the SDK's standard chains; cachewatch adds only its
 * retry strategy and the call recorder.
 */
@ApplicationScoped
public class AwsClients {
    private final SdkHttpClient http = ApacheHttpClient.builder().maxConnections(32).build();
    private final ApiCallRecorder recorder = new ApiCallRecorder();
    private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();
    private final int maxAttempts;

    public AwsClients(CachewatchConfig config) {
        this.maxAttempts = config.aws().maxAttempts();
    }

    public ApiCallRecorder recorder() {
        return recorder;
    }

    public ElastiCacheClient elastiCache(String region) {
        return cached("elasticache", region, () -> configure(ElastiCacheClient.builder(), region).httpClient(http).build());
    }

    public MemoryDbClient memoryDb(String region) {
        return cached("memorydb", region, () -> configure(MemoryDbClient.builder(), region).httpClient(http).build());
    }

    public CloudWatchClient cloudWatch(String region) {
        return cached("cloudwatch", region, () -> configure(CloudWatchClient.builder(), region).httpClient(http).build());
    }

    public SnsClient sns(String region) {
        return cached("sns", region, () -> configure(SnsClient.builder(), region).httpClient(http).build());
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region) {
        return builder.region(Region.of(region)).overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetry.strategy(maxAttempts))
                .addExecutionInterceptor(recorder)
                .build());
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkAutoCloseable> C cached(String service, String region, java.util.function.Supplier<C> create) {
        return (C) clients.computeIfAbsent(service + "/" + region, k -> create.get());
    }

    @PreDestroy
    void close() {
        clients.values().forEach(SdkAutoCloseable::close);
        http.close();
    }
}
