package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {
    private static Target target(Duration session, Duration refreshBefore) {
        return new Target("prod", List.of("us-east-1"), "arn:aws:iam::111111111111:role/cachewatch", null, session, refreshBefore);
    }

    @Test
    void callsWaitForANewSessionAMinuteAfterItsRenewalIsDue() {
        assertThat(target(Duration.ofHours(1), Duration.ofMinutes(5)).staleBefore()).isEqualTo(Duration.ofMinutes(4));
        assertThat(target(Duration.ofMinutes(15), Duration.ofSeconds(890)).staleBefore()).isEqualTo(Duration.ofSeconds(830));
        // short margins keep half of it for retries rather than none
        assertThat(target(Duration.ofHours(1), Duration.ofSeconds(90)).staleBefore()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void defaultsAreOneHourSessionsRenewedFiveMinutesEarly() {
        Target t = new Target("prod", List.of("us-east-1"), "arn:aws:iam::111111111111:role/cachewatch", null);
        assertThat(t.sessionDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(t.refreshBefore()).isEqualTo(Duration.ofMinutes(5));
        t.checkSession();
    }

    @Test
    void sessionOutsideAssumeRolesRangeIsRefusedNamingTheTarget() {
        assertThatThrownBy(() -> target(Duration.ofMinutes(10), Duration.ofMinutes(1)).checkSession())
                .hasMessageContaining("target prod").hasMessageContaining("session-duration PT10M");
        assertThatThrownBy(() -> target(Duration.ofHours(13), Duration.ofMinutes(5)).checkSession())
                .hasMessageContaining("session-duration PT13H");
    }

    @Test
    void renewalMarginMustLeaveSomeOfTheSession() {
        assertThatThrownBy(() -> target(Duration.ofMinutes(15), Duration.ofMinutes(15)).checkSession())
                .hasMessageContaining("refresh-before PT15M must be above zero and below session-duration PT15M");
        assertThatThrownBy(() -> target(Duration.ofMinutes(15), Duration.ZERO).checkSession())
                .hasMessageContaining("refresh-before");
    }
}
