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
import io.cachewatch.state.Fence;
import io.cachewatch.state.Outbox;
import io.cachewatch.state.Pending;
import io.cachewatch.state.StateStoreException;
import io.cachewatch.state.StateSnapshot;
import io.cachewatch.state.StateStore;
import io.cachewatch.state.TargetState;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One slow-log pipeline: reader (with its kept connections), credentials (config or Secrets Manager), node cursors,
 * suppression, SNS publisher, the {@code cachewatch/SlowLog} metrics and the state store that carries them between
 * polls, restarts and tasks. {@link #pollOnce} reads every Redis node of the given clusters, publishes what is new and
 * records the state; the {@code slowlog} command and each target of {@code serve} own one. Not thread-safe: one poll
 * at a time.
 *
 * <h2>Record, publish, record: why a finding is neither lost nor sent twice</h2>
 * A poll reads the state (one batch read), reads the nodes past their cursors, and then:
 * <ol>
 * <li><b>records</b> the advanced cursors, the suppression and the new messages in the target's outbox, in one write
 * conditional on the versions read (and the lease's fence). If this write fails, nothing is published: the cursors
 * did not move, so the next poll (or the task that took the target over) reads the same entries and finds the same
 * findings again. Nothing is lost as long as the entries are still in the node's log.</li>
 * <li><b>publishes</b> the outbox: the messages of earlier polls that were not delivered, then the new ones.</li>
 * <li><b>records</b> the outbox without what was delivered.</li>
 * </ol>
 * Crash points: before 1 completes, nothing was sent and the cursors did not move (the entries are read again). Between
 * 1 and 3, the messages are in the recorded outbox and are published by the next poll, by this process after a
 * restart or by the task that takes the target over (at least once). A crash after SNS accepted a message and before 3
 * recorded it delivered is the one window in which a message is sent twice: it is one DynamoDB write long (when that
 * write fails without a crash, this collector remembers what it delivered and does not send it again); a FIFO topic
 * removes that duplicate too, since the message's deduplication id is the finding's fingerprint (exactly once within
 * SNS's five-minute deduplication interval). A write that fails half way (a large first poll is split into
 * transactions of 100 items) records outbox messages before cursors, and a message whose deduplication id is already
 * in the outbox is not added again when its entries are read again, so that too repeats nothing. A lease lost between
 * 1 and 3 makes 3 fail: the new holder publishes what was left in the outbox, this task stops.
 */
public final class SlowlogCollector implements AutoCloseable {
    /**
     * What one poll did.
     *
     * @param skipped  clusters without a slow log to read, with the reason
     * @param delivery null in a dry run
     * @param dropped  messages dropped from the full buffer since the state was started
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
    private final StateStore store;
    private final String target;
    private final boolean dryRun;
    private final List<String> only;
    private final SlowlogPolicy policy;
    private final CachewatchConfig.Notify notify;
    private final AwsClients aws;
    private final RedisSlowlogReader reader;
    private final CloudWatchMetricPublisher metrics;
    private final SlowlogCredentials credentials;
    /** Deduplication ids of messages delivered by the last poll whose delivery could not be recorded. */
    private final Set<String> deliveredUnrecorded = new java.util.HashSet<>();
    private List<Cluster> planned;
    private SlowlogTargets.Plan lastPlan;

    /**
     * A collector keeping its state in one file (the {@code slowlog} command).
     *
     * @param stateFile where cursors, suppression and undelivered messages are kept; never written in a dry run
     * @throws StateNotWritableException (not in a dry run) when the state file cannot be written: nothing is read or
     *                                   sent then, since the findings would be sent again by the next run
     */
    public SlowlogCollector(CachewatchConfig config, Vertx vertx, AwsClients aws, Path stateFile,
                            boolean dryRun, List<String> only) {
        this(config, vertx, aws, FileStateStore.single(stateFile), "default", dryRun, only);
    }

    /**
     * @param aws    the SDK clients (the target's own credentials): SNS, CloudWatch, Secrets Manager
     * @param store  where the target's state is kept; checked here ({@link StateStore#verify}) before anything is read
     * @param target the name the state is kept under
     * @param only   cluster ids to read, null or empty for all
     */
    public SlowlogCollector(CachewatchConfig config, Vertx vertx, AwsClients aws, StateStore store, String target,
                            boolean dryRun, List<String> only) {
        this.config = config.slowlog();
        this.store = store;
        this.target = target;
        this.dryRun = dryRun;
        this.only = only;
        this.policy = new SlowlogPolicy(this.config.warningMicros(), this.config.criticalMicros(), this.config.longScriptMicros(),
                this.config.top(), Set.copyOf(this.config.rawArgsClusters().orElse(List.of())), this.config.suppressFor(),
                this.config.worseFactor(), SlowlogPolicy.OWN_CLIENT_NAME,
                Set.copyOf(this.config.ignoreCommands()));
        store.verify(target, !dryRun);
        this.notify = config.notifications();
        this.aws = aws;
        this.metrics = new CloudWatchMetricPublisher(aws::cloudWatch);
        this.credentials = new SlowlogCredentials(this.config.credentials(), new SecretsManagerCredentials(aws::secretsManager));
        this.reader = new RedisSlowlogReader(vertx, new RedisSlowlogReader.Settings(this.config.connectTimeout(),
                this.config.commandTimeout(), this.config.concurrency(), this.config.maxEntries(), this.config.tlsCaFile().orElse(null)));
    }

    /** {@link #pollOnce(List, Fence)} without a lease (a single process). */
    public Result pollOnce(List<Cluster> clusters) {
        return pollOnce(clusters, null);
    }

    /**
     * Reads every node of the clusters once, records what is new and not suppressed, publishes it and records the
     * delivery (see the class comment for the order).
     *
     * @param fence the target's lease (null: none); every state write is refused once it is no longer held
     * @throws io.cachewatch.state.StateStoreException when the state cannot be read or recorded; nothing was
     *                                                 published that was not recorded first
     */
    public Result pollOnce(List<Cluster> clusters, Fence fence) {
        StateSnapshot read;
        try {
            read = store.read(target);
        } catch (StateStoreException e) {
            throw e.after("nothing read or published");
        }
        TargetState state = read.state();
        // messages this collector delivered when recording their delivery failed: not sent again, dropped from the outbox
        List<Pending> waiting = state.pending().stream().filter(p -> !deliveredUnrecorded.contains(p.message().deduplicationId())).toList();
        SlowlogPoll poll = new SlowlogPoll(policy, state.cursors());
        Suppression suppression = new Suppression(config.suppressFor(), config.worseFactor(), state.suppression());
        SlowlogTargets.Plan plan = plan(clusters);
        List<ClusterRead> reads = plan.withUnreadable(reader.read(plan.targets(), poll::cursor));
        Instant now = Instant.now();
        SlowlogPoll.Outcome outcome = poll.process(reads, suppression, now);
        if (dryRun) {
            return new Result(now, outcome, plan.skipped(), null, state.dropped(), List.of());
        }
        List<String> metricErrors = metrics.publish(SlowlogMetrics.points(outcome.activity(), now)).errors();
        Outbox outbox = new Outbox(waiting, config.bufferSize());
        List<Notification> fresh = new ArrayList<>();
        outcome.toSend().forEach(f -> {
            fresh.add(ChatbotMessages.of(f));
            suppression.sent(f, now);
        });
        outbox.add(fresh);
        long dropped = state.dropped() + outbox.dropped();
        // 1. record: cursors, suppression and the outbox, before anything is published
        TargetState recorded = state.withSlowlog(poll.cursors(), suppression.state(now), outbox.pending(), dropped);
        StateSnapshot staged;
        try {
            staged = store.write(read, recorded, fence);
        } catch (StateStoreException e) {
            throw e.after("nothing published (" + outcome.toSend().size() + " new finding(s) are read again next poll)");
        }
        deliveredUnrecorded.clear();
        // 2. publish the outbox, oldest first
        List<Notification> messages = outbox.messages();
        SnsPublisher publisher = new SnsPublisher(aws::sns, notify.topics(), notify.defaultTopic().orElse(null), messages.size());
        publisher.enqueue(messages);
        SnsPublisher.Result flushed = publisher.flush();
        // 3. record what was delivered
        List<Pending> undelivered = outbox.remaining(publisher.pending());
        try {
            store.write(staged, recorded.withPending(undelivered), fence);
        } catch (StateStoreException e) {
            Set<String> still = new java.util.HashSet<>();
            undelivered.forEach(p -> still.add(p.message().deduplicationId()));
            messages.stream().map(Notification::deduplicationId).filter(id -> !still.contains(id)).forEach(deliveredUnrecorded::add);
            throw e.after(flushed.published() + " message(s) published, their delivery not recorded (this task will not send them"
                    + " again; another task taking the target over would)");
        }
        SnsPublisher.Result delivery = new SnsPublisher.Result(flushed.published(), flushed.pending(), outbox.dropped(), flushed.errors());
        // the poll is complete here: outcome (nodes, entries, findings) and delivery are what a caller reports or meters
        return new Result(now, outcome, plan.skipped(), delivery, dropped, metricErrors);
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
