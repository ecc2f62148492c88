package io.cachewatch.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachewatch.config.UsageException;
import io.cachewatch.notify.Notification;
import io.cachewatch.slowlog.NodeCursor;
import io.cachewatch.state.Pending;
import io.cachewatch.state.StateSnapshot;
import io.cachewatch.state.TargetState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store keeps today's files: the slow-log state JSON and audit-state.json beside it. */
class FileStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void eachPartIsItsOwnFileWrittenOnlyWhenItChanged() throws Exception {
        Path slowlog = dir.resolve("state/slowlog-state.json");
        FileStateStore store = FileStateStore.single(slowlog);
        StateSnapshot empty = store.read("default");
        assertThat(empty.state()).isEqualTo(TargetState.EMPTY);
        Notification n = new Notification("warning", "{}", Map.of(), "g", "d1");
        TargetState state = new TargetState(Map.of("c|n1", new NodeCursor(3, "r")), Map.of(), List.of(new Pending(0, n)), 1, Map.of());
        StateSnapshot written = store.write(empty, state, null);
        assertThat(Files.exists(slowlog)).isTrue();
        assertThat(Files.exists(dir.resolve("state/audit-state.json"))).as("the audit's part did not change").isFalse();
        assertThat(Files.readString(slowlog)).contains("\"cursors\":{\"c|n1\":{\"lastId\":3", "\"pending\":[{\"severity\":\"warning\"",
                "\"dropped\":1");
        assertThat(store.read("default").state()).isEqualTo(state);

        store.write(written, state.withNotified(Map.of("r1", "high")), null);
        assertThat(Files.readString(dir.resolve("state/audit-state.json"))).isEqualTo("{\"failing\":{\"r1\":\"high\"}}");
        assertThat(store.read("other").state().notified()).as("one file for the one-shot commands").containsEntry("r1", "high");
    }

    @Test
    void aTargetsFileIsStartedAtStartSoItIsThereWhileNothingChanges() throws Exception {
        Path fresh = dir.resolve("fresh/slowlog-state.json");
        FileStateStore.single(fresh).verify("default", false);
        assertThat(fresh).as("a dry run writes nothing").doesNotExist();
        FileStateStore.single(fresh).verify("default", true);
        assertThat(Files.readString(fresh)).contains("\"cursors\":{}");
    }

    @Test
    void aFileThatCannotBeWrittenLaterIsTheStoreBeingUnavailable() throws Exception {
        Path blocked = dir.resolve("gone");
        Files.writeString(blocked, "a file where the state directory was");
        FileStateStore store = FileStateStore.single(blocked.resolve("slowlog-state.json"));
        StateSnapshot empty = new StateSnapshot("default", TargetState.EMPTY, Map.of());
        assertThatThrownBy(() -> store.write(empty, TargetState.EMPTY.withNotified(Map.of("r", "high")), null))
                .isInstanceOf(io.cachewatch.state.StoreUnavailableException.class).hasMessageContaining("cannot write audit state");
    }

    @Test
    void aFileThatCannotBeReadIsAUsageErrorAtStart() throws Exception {
        Path slowlog = dir.resolve("slowlog-state.json");
        Files.writeString(slowlog, "{not json");
        assertThatThrownBy(() -> FileStateStore.single(slowlog).verify("default", false)).isInstanceOf(UsageException.class)
                .hasMessageContaining("cannot read slow-log state");
    }
}
