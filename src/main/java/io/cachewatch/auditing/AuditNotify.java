package io.cachewatch.auditing;

import io.cachewatch.audit.AuditChanges;
import io.cachewatch.audit.AuditResult;
import io.cachewatch.aws.sns.SnsPublisher;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.notify.AuditMessages;
import io.cachewatch.notify.Notification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Notify of an audit ({@code audit --notify}, every audit under serve): publishes what changed since the last notified
 * audit (newly failing, newly resolved) to the SNS topic of its severity, and keeps what was announced in its
 * {@link AuditNotifyState}. Order: read what was announced (a store that cannot be read stops here: nothing is
 * published), publish, record what was delivered; a message that could not be delivered is not recorded, so the next
 * audit announces it again (at least once: an audit result is computed again every run, so publishing first loses
 * nothing); an unknown or pending result changes nothing ({@link AuditChanges}), so an audit whose API calls failed never
 * announces a spurious "resolved".
 */
public final class AuditNotify {
    /** What one notify did. */
    public record Outcome(int failing, int resolved, int published, List<String> errors) {
    }

    private AuditNotify() {
    }

    /** @param sns region → SNS client of the account that publishes */
    public static Outcome run(List<AuditResult> results, AuditNotifyState state, CachewatchConfig config, Function<String, SnsClient> sns) {
        Map<String, String> before = state.failing();
        AuditChanges changes = AuditChanges.between(before, results);
        List<Notification> messages = new ArrayList<>();
        changes.newlyFailing().forEach(r -> messages.add(AuditMessages.failing(r)));
        changes.resolved().forEach(r -> messages.add(AuditMessages.resolved(r)));
        SnsPublisher publisher = new SnsPublisher(sns, config.notifications().topics(),
                config.notifications().defaultTopic().orElse(null), Math.max(1, messages.size()));
        if (!messages.isEmpty() && !state.mayPublish()) {
            // under leases: the new holder judges and announces (the one-shot command always may)
            throw state.lost("this task no longer holds the target's lease");
        }
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
                keep.put(r.id(), before.get(r.id()));
            }
        }
        if (!keep.equals(before)) {
            state.save(keep);
        }
        return new Outcome(changes.newlyFailing().size(), changes.resolved().size(), sent.published(), sent.errors());
    }
}
