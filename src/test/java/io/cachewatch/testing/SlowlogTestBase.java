package io.cachewatch.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the end-to-end slow-log tests share: moto (ElastiCache, SNS, SQS, Secrets Manager), moto's CloudWatch behind the
 * CBOR bridge (the run publishes metrics) and real redis-server processes.
 */
public abstract class SlowlogTestBase {
    protected static MotoServer moto;
    protected static CloudWatchBridge bridge;
    protected static RedisServers servers;

    @BeforeAll
    static void startServers() {
        moto = MotoServer.start();
        bridge = CloudWatchBridge.start(moto.endpoint());
        servers = new RedisServers();
    }

    /**
     * Writes {@code application.yaml} in {@code dir}: findings to {@code topic}, state in {@code dir}, then these
     * lines under {@code cachewatch.slowlog} (indented by the caller as they nest below it).
     */
    protected static Path config(Path dir, String topic, String... slowlogLines) throws IOException {
        List<String> lines = new ArrayList<>(List.of("cachewatch:", "  notify:", "    default-topic: " + topic, "  slowlog:",
                "    state-file: " + dir.resolve("state.json")));
        lines.addAll(List.of(slowlogLines));
        lines.add("");
        return Files.writeString(dir.resolve("application.yaml"), String.join("\n", lines));
    }

    @AfterAll
    static void stopServers() {
        servers.close();
        bridge.close();
        moto.close();
    }
}
