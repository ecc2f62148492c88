package io.cachewatch.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.Fixtures;
import io.cachewatch.aws.AwsClients;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.state.Fence;
import io.cachewatch.state.StateSnapshot;
import io.cachewatch.state.StateStore;
import io.cachewatch.state.StoreUnavailableException;
import io.cachewatch.state.TargetState;
import io.cachewatch.testing.RedisServers;
import io.cachewatch.testing.SlowlogTestBase;
import io.cachewatch.testing.SnsQueue;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The collector's record → publish → record order, in process, with a real redis-server and SNS → SQS in moto, and the
 * file store behind a switch that makes a chosen write fail as an unreachable table would: nothing is published that
 * was not recorded first, and nothing recorded is lost or sent twice.
 */
class SlowlogCollectorRecordIT extends SlowlogTestBase {
    /** The file store, with writes that fail on demand (the port's own error, as the DynamoDB store maps an outage). */
    static final class SwitchedStore implements StateStore {
        final StateStore files;
        int failWrite = -1;
        int writes;

        SwitchedStore(StateStore files) {
            this.files = files;
        }

        @Override
        public StateSnapshot read(String target) {
            return files.read(target);
        }

        @Override
        public StateSnapshot write(StateSnapshot before, TargetState after, Fence fence) {
            if (writes++ == failWrite) {
                throw new StoreUnavailableException("test store: cannot write: unreachable", null);
            }
            return files.write(before, after, fence);
        }

        @Override
        public String describe() {
            return "switched";
        }
    }

    @Test
    void aFailedRecordPublishesNothingAndAFailedDeliveryRecordSendsNothingTwice(@TempDir Path dir) throws Exception {
        RedisServers.Server orders = servers.start();
        Vertx vertx = Vertx.vertx();
        try (SnsQueue slack = new SnsQueue(moto.endpoint(), "record")) {
            SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(CachewatchConfig.class)
                    .withSources(new PropertiesConfigSource(Map.of("cachewatch.notify.default-topic", slack.topicArn(),
                            "cachewatch.slowlog.endpoint-overrides.orders", "redis://" + orders.address(),
                            "cachewatch.slowlog.suppress-for", "0s", "cachewatch.aws.max-attempts", "1"), "test", 500)).build();
            AwsClients aws = new AwsClients(1, StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                    List.of(to(moto.endpoint())));
            SwitchedStore store = new SwitchedStore(FileStateStore.single(dir.resolve("state.json")));
            List<Cluster> fleet = List.of(Fixtures.redisSingleNode("orders", "cache.t3.micro", 2));
            try (SlowlogCollector collector = new SlowlogCollector(config.getConfigMapping(CachewatchConfig.class), vertx, aws, store,
                    "default", false, null)) {
                collector.pollOnce(fleet); // first read: the log's past
                slack.drain(0);

                orders.cli("KEYS", "first:*");
                store.failWrite = store.writes; // the write that records the outbox, before the publish
                assertThatThrownBy(() -> collector.pollOnce(fleet)).isInstanceOf(StoreUnavailableException.class)
                        .hasMessageStartingWith("nothing published (1 new finding(s) are read again next poll): test store");
                assertThat(keys(slack.drain(0))).as("not recorded, not published").isEmpty();
                collector.pollOnce(fleet);
                assertThat(keys(slack.drain(1))).as("read again from the cursor that did not move").containsExactly("first");

                orders.cli("KEYS", "second:*");
                store.failWrite = store.writes + 1; // the write that records the delivery, after the publish
                assertThatThrownBy(() -> collector.pollOnce(fleet)).isInstanceOf(StoreUnavailableException.class)
                        .hasMessageStartingWith("1 message(s) published, their delivery not recorded");
                assertThat(keys(slack.drain(1))).containsExactly("second");
                assertThat(store.read("default").state().pending()).as("still in the recorded outbox").hasSize(1);
                collector.pollOnce(fleet);
                assertThat(keys(slack.drain(0))).as("this collector knows it delivered it").isEmpty();
                assertThat(store.read("default").state().pending()).isEmpty();
            }
        } finally {
            vertx.close();
        }
    }

    /** Sends every SDK call to moto (the clients are built as serve builds them, with the SDK's default endpoints). */
    private static ExecutionInterceptor to(URI endpoint) {
        return new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                return context.httpRequest().toBuilder().protocol(endpoint.getScheme()).host(endpoint.getHost()).port(endpoint.getPort()).build();
            }
        };
    }

    private static List<String> keys(List<software.amazon.awssdk.services.sqs.model.Message> messages) throws Exception {
        List<String> found = new java.util.ArrayList<>();
        for (var m : messages) {
            var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.body());
            if (body.at("/MessageAttributes/kind/Value").asText().equals("keys")) {
                java.util.regex.Matcher k = java.util.regex.Pattern.compile("(first|second):").matcher(body.get("Message").asText());
                found.add(k.find() ? k.group(1) : "?");
            }
        }
        return found;
    }
}
