package io.cachewatch.testing;

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

    @AfterAll
    static void stopServers() {
        servers.close();
        bridge.close();
        moto.close();
    }
}
