package io.cachewatch.redis;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.metrics.MetricsOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * The Vert.x instance the slow-log reader's connections live on, apart from Quarkus' own.
 *
 * <p>Why not Quarkus' instance: its Vert.x metrics give every Redis client (the reader keeps one per node) its own
 * set of Micrometer meters; with 1,000 nodes that was 20,000 meter ids nobody reads, a measurable part of the
 * collector's resident memory (docs/benchmarks.md, "1,000 nodes polled every 10 s"). cachewatch's own slow-log
 * metrics are counted in serve. Two event loops are plenty: the reader waits on the network, it does not compute.
 */
@ApplicationScoped
public class SlowlogVertx {
    public static final String NAME = "slowlog";

    @Produces
    @Singleton
    @Identifier(NAME)
    Vertx vertx() {
        return Vertx.vertx(new VertxOptions()
                .setMetricsOptions(new MetricsOptions().setEnabled(false))
                .setEventLoopPoolSize(2)
                .setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2));
    }

    void close(@Disposes @Identifier(NAME) Vertx vertx) throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
