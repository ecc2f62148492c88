package io.cachewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings read through the real config mapping (with its converters), then checked against their ranges. */
class ConfigRangesTest {
    private static List<String> problems(Map<String, String> settings) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(CachewatchConfig.class)
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .build();
        return ConfigRanges.problems(config.getConfigMapping(CachewatchConfig.class), key -> config.getConfigValue(key).getValue());
    }

    @Test
    void aNegativeReadinessGraceIsNamed() {
        assertThat(problems(Map.of("cachewatch.serve.readiness-grace", "-1m"))).singleElement().asString()
                .startsWith("cachewatch.serve.readiness-grace=-1m:");
        assertThat(problems(Map.of("cachewatch.serve.readiness-grace", "0s"))).as("down at the first failed discovery").isEmpty();
    }

    @Test
    void theAuditIntervalUnderServeIsAPositiveDuration() {
        assertThat(problems(Map.of("cachewatch.audit.interval", "0s"))).containsExactly(
                "cachewatch.audit.interval=0s: expected a duration (e.g. 30s, 5m, 1h) greater than 0 s (time between audits of a target under serve)");
        assertThat(problems(Map.of("cachewatch.audit.interval", "hourly"))).singleElement().asString()
                .startsWith("cachewatch.audit.interval=hourly: not a duration; expected a duration");
        assertThat(problems(Map.of("cachewatch.audit.interval", "-5m"))).singleElement().asString().startsWith("cachewatch.audit.interval=-5m:");
        assertThat(problems(Map.of("cachewatch.audit.interval", "15m"))).isEmpty();
    }

    @Test
    void theDefaultsAreInRange() {
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void zeroAttemptsAndPageSizesTheApisRefuseAreNamedWithValueAndRange() {
        assertThat(problems(Map.of("cachewatch.aws.max-attempts", "0", "cachewatch.discovery.page-size", "0"))).containsExactly(
                "cachewatch.aws.max-attempts=0: expected a whole number from 1 to 100 (attempts per AWS call)",
                "cachewatch.discovery.page-size=0: expected a whole number from 20 to 100 (page size of list calls; ElastiCache MaxRecords takes 20–100)");
        assertThat(problems(Map.of("cachewatch.discovery.page-size", "19"))).singleElement().asString().startsWith("cachewatch.discovery.page-size=19:");
        assertThat(problems(Map.of("cachewatch.discovery.page-size", "101"))).singleElement().asString().startsWith("cachewatch.discovery.page-size=101:");
        assertThat(problems(Map.of("cachewatch.discovery.page-size", "20"))).isEmpty();
    }

    @Test
    void textThatIsNotANumberIsReportedAsWrittenWithoutTheConfigLibrarysText() {
        assertThat(problems(Map.of("cachewatch.rates.put-metric-alarm", "fast"))).containsExactly(
                "cachewatch.rates.put-metric-alarm=fast: not a number; expected a number greater than 0 (PutMetricAlarm calls/s per region; quota 3)");
        assertThat(problems(Map.of("cachewatch.aws.max-attempts", "eight"))).singleElement().asString()
                .startsWith("cachewatch.aws.max-attempts=eight: not a whole number; expected a whole number from 1 to 100")
                .doesNotContain("SRCFG");
        assertThat(problems(Map.of("cachewatch.slowlog.interval", "soon"))).singleElement().asString()
                .startsWith("cachewatch.slowlog.interval=soon: not a duration; expected a duration");
    }

    @Test
    void ratesSharesAndDurationsOutOfRange() {
        assertThat(problems(Map.of("cachewatch.dashboards.rate", "-1", "cachewatch.safety.max-delete-share", "25",
                "cachewatch.serve.reconcile-interval", "0s", "cachewatch.slowlog.worse-factor", "0.5")))
                .hasSize(4)
                .anyMatch(p -> p.startsWith("cachewatch.dashboards.rate=-1: expected a number greater than 0"))
                .anyMatch(p -> p.startsWith("cachewatch.safety.max-delete-share=25: expected a number from 0 to 1"))
                .anyMatch(p -> p.startsWith("cachewatch.serve.reconcile-interval=0s: expected a duration (e.g. 30s, 5m, 1h) greater than 0 s"))
                .anyMatch(p -> p.startsWith("cachewatch.slowlog.worse-factor=0.5: expected a number of at least 1"));
        assertThat(problems(Map.of("cachewatch.rates.delete-alarms", "Infinity"))).singleElement().asString().contains("not a number");
        assertThat(problems(Map.of("cachewatch.safety.max-delete-share", "0", "cachewatch.serve.stop-timeout", "0s"))).isEmpty();
    }

    @Test
    void aTargetDurationThatIsNotOneIsNamedByItsIndexedKey() {
        assertThat(problems(Map.of("cachewatch.targets[0].name", "prod", "cachewatch.targets[0].regions", "us-east-1",
                "cachewatch.targets[1].name", "dev", "cachewatch.targets[1].regions", "eu-west-1",
                "cachewatch.targets[1].session-duration", "forever", "cachewatch.targets[1].refresh-before", "5 minutes")))
                .containsExactly(
                        "cachewatch.targets[1].session-duration=forever: not a duration; expected a duration (e.g. 30s, 5m, 1h)"
                                + " greater than 0 s (AssumeRole session length, 15 min to 12 h)",
                        "cachewatch.targets[1].refresh-before=5 minutes: not a duration; expected a duration (e.g. 30s, 5m, 1h)"
                                + " greater than 0 s (a session is renewed once less than this remains)");
        assertThat(problems(Map.of("cachewatch.targets[0].name", "prod", "cachewatch.targets[0].regions", "us-east-1",
                "cachewatch.targets[0].session-duration", "2h", "cachewatch.targets[0].refresh-before", "10m"))).isEmpty();
        assertThat(problems(Map.of("cachewatch.targets[0].name", "prod", "cachewatch.targets[0].regions", "us-east-1",
                "cachewatch.targets[0].refresh-before", "-5m"))).singleElement().asString()
                .startsWith("cachewatch.targets[0].refresh-before=-5m: expected a duration (e.g. 30s, 5m, 1h) greater than 0 s");
    }

    @Test
    void anOnOffSettingTakesTrueOrFalseOnly() {
        assertThat(problems(Map.of("cachewatch.serve.slowlog.enabled", "maybe"))).containsExactly(
                "cachewatch.serve.slowlog.enabled=maybe: expected true or false (slow-log reads under serve)");
        assertThat(problems(Map.of("cachewatch.serve.slowlog.enabled", "yes"))).hasSize(1);
        assertThat(problems(Map.of("cachewatch.serve.slowlog.enabled", "FALSE"))).isEmpty();
        assertThat(problems(Map.of("cachewatch.serve.slowlog.enabled", " true "))).isEmpty();
    }

    @Test
    void onOffSettingsReadAsWritten() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(CachewatchConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("cachewatch.serve.slowlog.enabled", "False"), "test", 500)).build();
        assertThat(config.getConfigMapping(CachewatchConfig.class).serve().slowlog().enabled()).isFalse();
        config = new SmallRyeConfigBuilder().withMapping(CachewatchConfig.class).build();
        assertThat(config.getConfigMapping(CachewatchConfig.class).serve().slowlog().enabled()).as("the default").isTrue();
        config = new SmallRyeConfigBuilder().withMapping(CachewatchConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("cachewatch.serve.slowlog.enabled", "TRUE"), "test", 500)).build();
        assertThat(config.getConfigMapping(CachewatchConfig.class).serve().slowlog().enabled()).isTrue();
    }

    @Test
    void theAuditLookbackIsBetweenTheHistoryAVerdictNeedsAndWhatCloudWatchKeeps() {
        assertThat(problems(Map.of("cachewatch.audit.lookback", "3d"))).singleElement().asString()
                .startsWith("cachewatch.audit.lookback=3d: expected a duration (e.g. 30s, 5m, 1h) from 604800 s to 39312000 s");
        assertThat(problems(Map.of("cachewatch.audit.lookback", "456d"))).singleElement().asString().startsWith("cachewatch.audit.lookback=456d:");
        assertThat(problems(Map.of("cachewatch.audit.lookback", "7d"))).isEmpty();
        assertThat(problems(Map.of("cachewatch.audit.lookback", "455d"))).isEmpty();
        assertThat(problems(Map.of("cachewatch.audit.lookback", "a fortnight"))).singleElement().asString().contains("not a duration");
    }
}
