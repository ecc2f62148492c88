package io.cachewatch.aws;

import io.cachewatch.config.CachewatchConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
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
    private final AwsCredentialsProvider credentials;
    private final List<ExecutionInterceptor> interceptors;

    @Inject
    public AwsClients(CachewatchConfig config) {
        this(config.aws().maxAttempts(), null, List.of());
    }

    /**
     * Clients of one target of {@code serve}: their own connection pool, these credentials (null: the SDK's default
     * chain) and extra interceptors (metrics) next to the call recorder.
     */
    public AwsClients(int maxAttempts, AwsCredentialsProvider credentials, List<ExecutionInterceptor> interceptors) {
        this.maxAttempts = maxAttempts;
        this.credentials = credentials;
        this.interceptors = List.copyOf(interceptors);
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

    public Ec2Client ec2(String region) {
        return cached("ec2", region, () -> configure(Ec2Client.builder(), region).httpClient(http).build());
    }

    public SecurityHubClient securityHub(String region) {
        return cached("securityhub", region, () -> configure(SecurityHubClient.builder(), region).httpClient(http).build());
    }

    /** The Resource Groups Tagging API: every cluster's tags of a region in pages of 100 (discovery). */
    public ResourceGroupsTaggingApiClient tagging(String region) {
        return cached("tagging", region, () -> configure(ResourceGroupsTaggingApiClient.builder(), region).httpClient(http).build());
    }

    public CloudWatchClient cloudWatch(String region) {
        return cached("cloudwatch", region, () -> configure(CloudWatchClient.builder(), region).httpClient(http).build());
    }

    public SnsClient sns(String region) {
        return cached("sns", region, () -> configure(SnsClient.builder(), region).httpClient(http).build());
    }

    public SecretsManagerClient secretsManager(String region) {
        return cached("secretsmanager", region, () -> configure(SecretsManagerClient.builder(), region).httpClient(http).build());
    }

    /** DynamoDB: serve's shared state and target leases (cachewatch.state.store=dynamodb). */
    public DynamoDbClient dynamoDb(String region) {
        return cached("dynamodb", region, () -> configure(DynamoDbClient.builder(), region).httpClient(http).build());
    }

    /** STS with these clients' credentials, for assuming a target's role. */
    public StsClient sts(String region) {
        return cached("sts", region, () -> configure(StsClient.builder(), region).httpClient(http).build());
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region) {
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetry.strategy(maxAttempts))
                .addExecutionInterceptor(recorder);
        interceptors.forEach(override::addExecutionInterceptor);
        return builder.region(Region.of(region)).overrideConfiguration(override.build());
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkAutoCloseable> C cached(String service, String region, java.util.function.Supplier<C> create) {
        return (C) clients.computeIfAbsent(service + "/" + region, k -> create.get());
    }

    @PreDestroy
    public void close() {
        clients.values().forEach(SdkAutoCloseable::close);
        http.close();
    }
}
