package io.cachewatch.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;

/** SDK clients for a moto server (or any endpoint, e.g. a closed port to provoke failures). */
public final class MotoClients {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private MotoClients() {
    }

    public static ElastiCacheClient elastiCache(URI endpoint) {
        return ElastiCacheClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(ApacheHttpClient.create()).build();
    }

    public static software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsManager(URI endpoint) {
        return software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).httpClient(ApacheHttpClient.create()).build();
    }

    public static MemoryDbClient memoryDb(URI endpoint) {
        return MemoryDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(ApacheHttpClient.create()).build();
    }

    /** The Resource Groups Tagging API; give it a {@link TaggingBridge} endpoint to use AWS's resource-type strings. */
    public static software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient tagging(URI endpoint) {
        return software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient.builder()
                .endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(ApacheHttpClient.create()).build();
    }

    public static software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb(URI endpoint) {
        return software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(ApacheHttpClient.create()).build();
    }

    /** An endpoint nothing listens on. */
    public static URI closedPort() {
        try {
            return URI.create("http://127.0.0.1:" + MotoServer.freePort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
