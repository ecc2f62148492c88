package io.cachewatch.cli;

import io.cachewatch.audit.AuditChanges;
import io.cachewatch.audit.AuditResult;
import io.cachewatch.aws.AwsClients;
import io.cachewatch.aws.sns.SnsPublisher;
import io.cachewatch.collect.FileStateStore;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.notify.AuditMessages;
import io.cachewatch.notify.Notification;
import io.cachewatch.state.Fence;
import io.cachewatch.state.StateSnapshot;
import io.cachewatch.state.StateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code audit --notify}: publishes what changed since the last notified run (newly failing, newly resolved) to the SNS
 * topic of its severity, and records what was announced in the state store (for the command: {@code audit-state.json}
 * beside the slow-log state). A message that could not be delivered is not recorded, so the next run announces it
 * again.
 *
 * <p>Order: read the notified results (a store that cannot be read stops here: nothing is published), publish, record
 * what was delivered. A crash, or a store write that fails, after SNS accepted a message announces it again next run:
 * at least once. Unlike slow-log findings, an audit result is computed again from the fleet every run, so nothing can
 * be lost by publishing first; recording first would lose an announcement on a crash before the publish.
 */
final class AuditNotify {
    /** What one notify did. */
    record Outcome(int failing, int resolved, int published, List<String> errors) {
    }

    private AuditNotify() {
    }

    static Path stateFile(CachewatchConfig config) {
        return FileStateStore.auditFileBeside(Path.of(config.slowlog().stateFile()));
    }

    static Outcome run(List<AuditResult> results, CachewatchConfig config, AwsClients aws) {
        return run(results, config, aws, FileStateStore.single(Path.of(config.slowlog().stateFile())), "default", null);
    }

    /** @param fence the target's lease (null: none) */
    static Outcome run(List<AuditResult> results, CachewatchConfig config, AwsClients aws, StateStore store, String target, Fence fence) {
        StateSnapshot read = store.read(target);
        Map<String, String> notified = read.state().notified();
        AuditChanges changes = AuditChanges.between(notified, results);
        List<Notification> messages = new ArrayList<>();
        changes.newlyFailing().forEach(r -> messages.add(AuditMessages.failing(r)));
        changes.resolved().forEach(r -> messages.add(AuditMessages.resolved(r)));
        SnsPublisher publisher = new SnsPublisher(aws::sns, config.notifications().topics(),
                config.notifications().defaultTopic().orElse(null), Math.max(1, messages.size()));
        publisher.enqueue(messages);
        SnsPublisher.Result sent = publisher.flush();
        // Undelivered messages leave their results as they were, so the next run tries again.
        Set<String> undelivered = new HashSet<>();
        publisher.pending().forEach(n -> undelivered.add(n.deduplicationId()));
        Map<String, String> keep = new TreeMap<>(changes.failing());
        for (AuditResult r : changes.newlyFailing()) {
            if (undelivered.contains(r.id() + "/fail")) {
                keep.remove(r.id());
            }
        }
        for (AuditResult r : changes.resolved()) {
            if (undelivered.contains(r.id() + "/resolved")) {
                keep.put(r.id(), notified.get(r.id()));
            }
        }
        store.write(read, read.state().withNotified(keep), fence);
        return new Outcome(changes.newlyFailing().size(), changes.resolved().size(), sent.published(), sent.errors());
    }
}
