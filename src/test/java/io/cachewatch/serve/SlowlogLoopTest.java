package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SlowlogLoopTest {
    @Test
    void eachTargetGetsItsOwnStateFileBesideTheConfiguredOne() {
        Path configured = Path.of(".cachewatch/slowlog-state.json");
        assertThat(SlowlogLoop.stateFile(configured, "prod")).isEqualTo(Path.of(".cachewatch/slowlog-state.prod.json"));
        assertThat(SlowlogLoop.stateFile(configured, "default")).isNotEqualTo(configured);
        assertThat(SlowlogLoop.stateFile(Path.of("/var/lib/state"), "a b/c")).isEqualTo(Path.of("/var/lib/state.a-b-c"));
        assertThat(SlowlogLoop.stateFile(Path.of("state.json"), "x")).isEqualTo(Path.of("state.x.json"));
    }
}
