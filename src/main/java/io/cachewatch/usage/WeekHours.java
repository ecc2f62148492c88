package io.cachewatch.usage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hours of the week in UTC, numbered 0 (Monday 00:00–01:00) to 167, and maintenance windows in the form ElastiCache and
 * MemoryDB give them: {@code ddd:hh24:mi-ddd:hh24:mi}, UTC, at least 60 minutes (ElastiCache API Reference,
 * CreateReplicationGroup PreferredMaintenanceWindow; MemoryDB CreateCluster MaintenanceWindow).
 */
public final class WeekHours {
    public static final int HOURS = 168;
    private static final Pattern WINDOW = Pattern.compile("(\\w{3}):(\\d{2}):(\\d{2})-(\\w{3}):(\\d{2}):(\\d{2})");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private WeekHours() {
    }

    public static int of(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return (t.getDayOfWeek().getValue() - 1) * 24 + t.getHour();
    }

    /** The hours a window touches, in order, wrapping over Sunday midnight; null when the text is not a window. */
    public static List<Integer> window(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = WINDOW.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || !DAYS.contains(m.group(1)) || !DAYS.contains(m.group(4))) {
            return null;
        }
        int start = minute(m.group(1), m.group(2), m.group(3));
        int end = minute(m.group(4), m.group(5), m.group(6));
        if (start < 0 || end < 0) {
            return null;
        }
        int length = Math.floorMod(end - start, HOURS * 60);
        List<Integer> hours = new ArrayList<>();
        for (int minute = start - start % 60; minute < start + length; minute += 60) {
            hours.add(Math.floorMod(minute / 60, HOURS));
        }
        return hours;
    }

    /** {@code tue:03:00-tue:04:00} for hour 27. */
    public static String oneHourWindow(int hour) {
        int next = (hour + 1) % HOURS;
        return String.format("%s:%02d:00-%s:%02d:00", DAYS.get(hour / 24), hour % 24, DAYS.get(next / 24), next % 24);
    }

    /** {@code tue 03:00} for hour 27. */
    public static String name(int hour) {
        return String.format("%s %02d:00", DAYS.get(hour / 24), hour % 24);
    }

    private static int minute(String day, String hh, String mm) {
        int h = Integer.parseInt(hh);
        int m = Integer.parseInt(mm);
        if (h > 23 || m > 59) {
            return -1;
        }
        return DAYS.indexOf(day) * 24 * 60 + h * 60 + m;
    }
}
