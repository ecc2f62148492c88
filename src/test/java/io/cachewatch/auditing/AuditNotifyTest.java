package io.cachewatch.auditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.audit.AuditResult;
import io.cachewatch.audit.Severity;
import io.cachewatch.audit.Status;
import io.cachewatch.collect.FileStateStore;
import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.state.Fence;
import io.cachewatch.state.FenceLostException;
import io.cachewatch.state.StateSnapshot;
import io.cachewatch.state.StateStore;
import io.cachewatch.state.TargetState;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Notify's bookkeeping without SNS: when nothing changed no message is built and no client is asked for, and an
 * audit whose reads failed (its results unknown) announces no "resolved" and keeps what was announced.
 */
class AuditNotifyTest {
    private static final String ID = "cachewatch/us-east-1/memorydb/vault/backup-retention";
    private static final Function<String, SnsClient> NO_SNS = region -> {
        throw new AssertionError("nothing to publish, yet SNS was asked for " + region);
    };

    @TempDir
    Path dir;

    private final CachewatchConfig config = new SmallRyeConfigBuilder().withMapping(CachewatchConfig.class)
            .withSources(new PropertiesConfigSource(Map.of("cachewatch.notify.default-topic", "arn:aws:sns:us-east-1:123456789012:audit"),
                    "test", 500))
            .build().getConfigMapping(CachewatchConfig.class);

    private static AuditResult backups(Status status) {
        return new AuditResult("backup-retention", status, Severity.MEDIUM, "us-east-1", "memorydb", "vault", Map.of(),
                status == Status.UNKNOWN ? "DescribeClusters failed" : null, null, null);
    }

    private AuditNotifyState state() {
        return new AuditNotifyState(FileStateStore.perTarget(dir.resolve("state/slowlog-state.json")), "prod");
    }

    @Test
    void unknownResultsAnnounceNothingAndKeepWhatWasAnnounced() throws Exception {
        AuditNotifyState state = state();
        state.save(Map.of(ID, "medium"));
        Path file = dir.resolve("state/audit-state.prod.json");
        String saved = Files.readString(file);

        AuditNotify.Outcome outcome = AuditNotify.run(List.of(backups(Status.UNKNOWN)), state(), config, NO_SNS);

        assertThat(outcome.resolved()).isZero();
        assertThat(outcome.failing()).isZero();
        assertThat(outcome.published()).isZero();
        assertThat(state().failing()).containsExactly(Map.entry(ID, "medium"));
        assertThat(Files.readString(file)).isEqualTo(saved);

        // a result that still fails is not announced again either
        assertThat(AuditNotify.run(List.of(backups(Status.FAIL)), state(), config, NO_SNS).failing()).isZero();
        assertThat(AuditNotify.run(List.of(backups(Status.PENDING)), state(), config, NO_SNS).resolved()).isZero();
        assertThat(state().failing()).containsExactly(Map.entry(ID, "medium"));
    }

    /** The file store, recording the fence of every write (the file store itself checks none). */
    private final class FencesWritten implements StateStore {
        private final StateStore files = FileStateStore.perTarget(dir.resolve("state/slowlog-state.json"));
        private final List<Fence> fences = new ArrayList<>();

        @Override
        public StateSnapshot read(String target) {
            return files.read(target);
        }

        @Override
        public StateSnapshot write(StateSnapshot before, TargetState after, Fence fence) {
            fences.add(fence);
            return files.write(before, after, fence);
        }

        @Override
        public String describe() {
            return files.describe();
        }
    }

    @Test
    void underLeaseTheWriteCarriesTheFenceTheReadWasMadeUnder() {
        FencesWritten store = new FencesWritten();
        Fence fence = new Fence("prod", "task-a", 7);
        AuditNotifyState state = AuditNotifyState.underLease(store, "prod", () -> fence, () -> true);

        state.failing();
        state.save(Map.of(ID, "medium"));

        assertThat(store.fences).containsExactly(fence);
        assertThat(state.mayPublish()).isTrue();
    }

    @Test
    void underLeaseATargetNotHeldIsNeitherReadNorAnnounced() {
        FencesWritten store = new FencesWritten();
        AuditNotifyState state = AuditNotifyState.underLease(store, "prod", () -> null, () -> false);

        assertThatThrownBy(() -> AuditNotify.run(List.of(backups(Status.FAIL)), state, config, NO_SNS))
                .isInstanceOf(FenceLostException.class).hasMessageContaining("does not hold the lease of prod");
        assertThat(store.fences).isEmpty();
    }

    @Test
    void underLeaseALeaseLostBeforeThePublishPublishesAndRecordsNothing() {
        FencesWritten store = new FencesWritten();
        Fence[] lease = {new Fence("prod", "task-a", 7)};
        AtomicBoolean holds = new AtomicBoolean(true);
        AuditNotifyState state = AuditNotifyState.underLease(store, "prod", () -> lease[0], holds::get);
        state.failing();
        holds.set(false);
        assertThat(state.mayPublish()).as("lease lost").isFalse();

        // lost and taken back under a raised fence: another task may have announced in between
        holds.set(true);
        lease[0] = new Fence("prod", "task-a", 8);
        assertThat(state.mayPublish()).as("taken back under another fence").isFalse();

        // a newly failing result to announce: refused before SNS is asked, nothing recorded
        AuditNotifyState lost = AuditNotifyState.underLease(store, "prod", () -> new Fence("prod", "task-a", 9), () -> false);
        assertThatThrownBy(() -> AuditNotify.run(List.of(backups(Status.FAIL)), lost, config, NO_SNS))
                .isInstanceOf(FenceLostException.class).hasMessageContaining("no longer holds");
        assertThat(store.fences).isEmpty();
        assertThat(new AuditNotifyState(store, "prod").failing()).isEmpty();
    }
}
