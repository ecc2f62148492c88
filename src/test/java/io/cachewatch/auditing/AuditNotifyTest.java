package io.cachewatch.auditing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.audit.AuditResult;
import io.cachewatch.audit.Severity;
import io.cachewatch.audit.Status;
import io.cachewatch.collect.FileStateStore;
import io.cachewatch.config.CachewatchConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        return new AuditNotifyState(FileStateStore.perTarget(dir.resolve("state/slowlog-state.json")), "prod", null);
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
}
