package io.cachewatch.collect;

import io.cachewatch.aws.AwsClients;
import io.cachewatch.aws.cloudwatch.CloudWatchMetricPublisher;
import io.cachewatch.aws.secretsmanager.SecretsManagerCredentials;
import io.cachewatch.aws.sns.SnsPublisher;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.inventory.Cluster;
import io.cachewatch.notify.ChatbotMessages;
import io.cachewatch.notify.Notification;
import io.cachewatch.redis.RedisSlowlogReader;
import io.cachewatch.slowlog.ClusterRead;
import io.cachewatch.slowlog.SlowlogMetrics;
import io.cachewatch.slowlog.SlowlogPolicy;
import io.cachewatch.slowlog.SlowlogPoll;
import io.cachewatch.slowlog.Suppression;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One slow-log pipeline: reader (with its kept connections), credentials (config or Secrets Manager), node cursors,
 * suppression, SNS publisher, the {@code cachewatch/SlowLog} metrics and the state file that carries them between polls and restarts. {@link #pollOnce} reads every Redis node of the given clusters,
 * publishes what is new and saves the state; the {@code slowlog} command and each target of {@code serve} own one.
 * Not thread-safe: one poll at a time.
 */
public final class SlowlogCollector implements AutoCloseable {
    /**
     * What one poll did.
     *
     * @param skipped  clusters without a slow log to read, with the reason
     * @param delivery null in a dry run
     * @param dropped  messages dropped from the full buffer since the state file was started
     * @param metricErrors PutMetricData calls that failed (none in a dry run)
     */
    public record Result(Instant at, SlowlogPoll.Outcome outcome, List<String> skipped, SnsPublisher.Result delivery, long dropped,
                         List<String> metricErrors) {
        /** True when every node was read, every message delivered and every metric published. */
        public boolean ok() {
            return outcome.failures().isEmpty() && (delivery == null || delivery.errors().isEmpty()) && metricErrors.isEmpty();
        }
    }

    private final CachewatchConfig.Slowlog config;
    private final Path stateFile;
    private final boolean dryRun;
    private final List<String> only;
    private final SlowlogPoll poll;
    private final Suppression suppression;
    private final SnsPublisher publisher;
    private final long droppedBefore;
    private final RedisSlowlogReader reader;
    private final CloudWatchMetricPublisher metrics;
    private final SlowlogCredentials credentials;
    private List<Cluster> planned;
    private SlowlogTargets.Plan lastPlan;

    /**
     * @param aws      the SDK clients (the target's own credentials): SNS, CloudWatch, Secrets Manager
     * @param stateFile where cursors, suppression and undelivered messages are kept; never written in a dry run
     * @throws StateNotWritableException (not in a dry run) when the state file cannot be written: nothing is read or
     *                                   sent then, since the findings would be sent again by the next run
     * @param only     cluster ids to read, null or empty for all
     */
    public SlowlogCollector(CachewatchConfig config, Vertx vertx, AwsClients aws, Path stateFile,
                            boolean dryRun, List<String> only) {
        this.config = config.slowlog();
        this.stateFile = stateFile;
        this.dryRun = dryRun;
        this.only = only;
        SlowlogPolicy policy = new SlowlogPolicy(this.config.warningMicros(), this.config.criticalMicros(), this.config.longScriptMicros(),
                this.config.top(), Set.copyOf(this.config.rawArgsClusters().orElse(List.of())), this.config.suppressFor(),
                this.config.worseFactor(), SlowlogPolicy.OWN_CLIENT_NAME,
                Set.copyOf(this.config.ignoreCommands()));
        if (!dryRun) {
            SlowlogState.checkWritable(stateFile);
        }
        SlowlogState state = SlowlogState.load(stateFile);
        this.poll = new SlowlogPoll(policy, state.cursors());
        this.suppression = new Suppression(this.config.suppressFor(), this.config.worseFactor(), state.suppression());
        CachewatchConfig.Notify notify = config.notifications();
        this.publisher = new SnsPublisher(aws::sns, notify.topics(), notify.defaultTopic().orElse(null), this.config.bufferSize());
        publisher.enqueue(state.pending());
        this.droppedBefore = state.dropped();
        this.metrics = new CloudWatchMetricPublisher(aws::cloudWatch);
        this.credentials = new SlowlogCredentials(this.config.credentials(), new SecretsManagerCredentials(aws::secretsManager));
        this.reader = new RedisSlowlogReader(vertx, new RedisSlowlogReader.Settings(this.config.connectTimeout(),
                this.config.commandTimeout(), this.config.concurrency(), this.config.maxEntries(), this.config.tlsCaFile().orElse(null)));
    }

    /** Reads every node of the clusters once, publishes what is new and not suppressed, saves the state. */
    public Result pollOnce(List<Cluster> clusters) {
        return pollOnce(clusters, () -> true);
    }

    /** {@link #pollOnce(List)}, publishing only while {@code mayPublish} holds (asked before each SNS call). */
    public Result pollOnce(List<Cluster> clusters, java.util.function.BooleanSupplier mayPublish) {
        SlowlogTargets.Plan plan = plan(clusters);
        List<ClusterRead> reads = plan.withUnreadable(reader.read(plan.targets(), poll::cursor));
        Instant now = Instant.now();
        SlowlogPoll.Outcome outcome = poll.process(reads, suppression, now);
        SnsPublisher.Result delivery = null;
        List<String> metricErrors = List.of();
        if (!dryRun) {
            metricErrors = metrics.publish(SlowlogMetrics.points(outcome.activity(), now)).errors();
            List<Notification> messages = new ArrayList<>();
            outcome.toSend().forEach(f -> {
                messages.add(ChatbotMessages.of(f));
                suppression.sent(f, now);
            });
            publisher.enqueue(messages);
            delivery = publisher.flush(mayPublish);
            new SlowlogState(poll.cursors(), suppression.state(now), publisher.pending(), droppedBefore + publisher.dropped())
                    .save(stateFile);
        }
        // the poll is complete here: outcome (nodes, entries, findings) and delivery are what a caller reports or meters
        return new Result(now, outcome, plan.skipped(), delivery, droppedBefore + publisher.dropped(), metricErrors);
    }

    /**
     * Which nodes to read and with which credentials, worked out again only when the clusters changed (a new
     * discovery), so resolving credentials is not repeated every poll.
     */
    private SlowlogTargets.Plan plan(List<Cluster> clusters) {
        if (lastPlan == null || !clusters.equals(planned)) {
            lastPlan = SlowlogTargets.of(clusters, config, only, credentials);
            planned = List.copyOf(clusters);
        }
        return lastPlan;
    }

    /** Closes every connection: a poll in flight on another thread fails fast instead of waiting for its timeouts. */
    @Override
    public void close() {
        reader.close();
    }
}
