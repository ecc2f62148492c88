package io.cachewatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * What every end-to-end CLI test needs: moto for ElastiCache and MemoryDB, moto's CloudWatch behind the CBOR bridge, a
 * CloudWatch client to look at the result, and before each test the demo fleet freshly seeded and the packaged jar
 * pointed at all of it.
 */
public abstract class CliTestBase {
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static MotoServer moto;
    protected static CloudWatchBridge bridge;
    protected static CloudWatchClient cloudWatch;
    protected DemoFleet fleet;
    protected CachewatchJar cachewatch;

    @BeforeAll
    static void startServers() {
        moto = MotoServer.start();
        bridge = CloudWatchBridge.start(moto.endpoint());
        cloudWatch = CloudWatchClient.builder().endpointOverride(bridge.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create()).build();
    }

    @AfterAll
    static void stopServers() {
        cloudWatch.close();
        bridge.close();
        moto.close();
    }

    @BeforeEach
    void freshFleet() {
        moto.reset();
        bridge.reset();
        fleet = new DemoFleet(moto.endpoint());
        fleet.seedStandard();
        cachewatch = CachewatchJar.packaged().against(moto, bridge);
    }

    /** {@code reconcile --output json} with the extra arguments; the exit code is added to the document as {@code _exit}. */
    protected JsonNode reconcileJson(String... extra) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--output", "json"));
        args.addAll(List.of(extra));
        CachewatchJar.Result result = cachewatch.run(args.toArray(String[]::new));
        try {
            return ((ObjectNode) JSON.readTree(result.stdout())).put("_exit", result.exitCode());
        } catch (Exception e) {
            throw new AssertionError("stdout is not one JSON document: " + result, e);
        }
    }
}
