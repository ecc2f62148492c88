package io.cachewatch.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekHoursTest {
    @Test
    void hoursAreCountedFromMondayMidnightUtc() {
        assertThat(WeekHours.of(Instant.parse("2026-11-30T00:30:00Z"))).isZero(); // a Monday
        assertThat(WeekHours.of(Instant.parse("2026-12-06T23:59:00Z"))).isEqualTo(167); // the Sunday after
        assertThat(WeekHours.name(27)).isEqualTo("tue 03:00");
        assertThat(WeekHours.oneHourWindow(167)).isEqualTo("sun:23:00-mon:00:00");
    }

    @Test
    void windowsCoverEveryHourTheyTouchAndWrapOverSunday() {
        assertThat(WeekHours.window("sun:05:00-sun:06:00")).containsExactly(149);
        assertThat(WeekHours.window("Mon:07:30-mon:08:30")).containsExactly(7, 8);
        assertThat(WeekHours.window("sun:23:00-mon:01:30")).containsExactly(167, 0, 1);
        assertThat(WeekHours.window("tue:03:00-tue:03:00")).isEmpty();
    }

    @Test
    void textThatIsNotAWindowIsNull() {
        for (String bad : List.of("", "sun 05:00", "xyz:05:00-sun:06:00", "sun:25:00-sun:26:00", "sun:05:61-sun:06:00")) {
            assertThat(WeekHours.window(bad)).as(bad).isNull();
        }
        assertThat(WeekHours.window(null)).isNull();
    }
}
