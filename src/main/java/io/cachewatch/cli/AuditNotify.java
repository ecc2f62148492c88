package io.cachewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachewatch.audit.AuditChanges;
import io.cachewatch.audit.AuditResult;
import io.cachewatch.aws.AwsClients;
import io.cachewatch.aws.sns.SnsPublisher;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.config.UsageException;
import io.cachewatch.notify.AuditMessages;
import io.cachewatch.notify.Notification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code audit --notify}: publishes what changed since the last notified run (newly failing, newly resolved) to the SNS
 * topic of its severity, and keeps what was announced in {@code audit-state.json} beside the slow-log state. A message
 * that could not be delivered is not recorded, so the next run announces it again.
 */
final class AuditNotify {
    /** The state: result id → severity of every result announced as failing and not yet announced resolved. */
    record State(Map<String, String> failing) {
        State {
            failing = failing == null ? Map.of() : failing;
        }
    }

    /** What one notify did. */
    record Outcome(int failing, int resolved, int published, List<String> errors) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditNotify() {
    }

    static Path stateFile(CachewatchConfig config) {
        return Path.of(config.slowlog().stateFile()).toAbsolutePath().resolveSibling("audit-state.json");
    }

    static Outcome run(List<AuditResult> results, CachewatchConfig config, AwsClients aws) {
        Path file = stateFile(config);
        State state = load(file);
        AuditChanges changes = AuditChanges.between(state.failing(), results);
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
                keep.put(r.id(), state.failing().get(r.id()));
            }
        }
        save(file, new State(keep));
        return new Outcome(changes.newlyFailing().size(), changes.resolved().size(), sent.published(), sent.errors());
    }

    static State load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new State(Map.of());
        }
        try {
            return JSON.readValue(file.toFile(), State.class);
        } catch (IOException e) {
            throw new UsageException("cannot read audit state " + file + ": " + e.getMessage());
        }
    }

    static void save(Path file, State state) {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "audit-state", ".tmp");
            JSON.writeValue(tmp.toFile(), state);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write audit state " + file, e);
        }
    }
}
