package io.cachewatch.config;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Number, duration and flag converters for cachewatch's own settings that never throw. A value that is not a number would otherwise stop
 * Quarkus at start with the config library's own text ("SRCFG00039 … threw an Exception whilst being converted") and
 * exit 1; read through these, it becomes a value outside every allowed range, which {@link ConfigRanges} reports
 * as a usage error naming the key, the value as written and the allowed range.
 */
public final class LenientNumbers {
    /** Marks an integer setting whose text is not a whole number (no allowed range includes it). */
    public static final int NOT_A_WHOLE_NUMBER = Integer.MIN_VALUE;
    /** Marks a long setting whose text is not a whole number. */
    public static final long NOT_A_LONG = Long.MIN_VALUE;
    /** Marks a duration setting whose text is not a duration. */
    public static final Duration NOT_A_DURATION = Duration.ofSeconds(Long.MIN_VALUE);

    private LenientNumbers() {
    }

    /** A decimal; NaN when the text is not one. */
    public static final class Decimal implements Converter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return Double.valueOf(value.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    /** A whole number; {@link #NOT_A_WHOLE_NUMBER} when the text is not one (or does not fit). */
    public static final class Whole implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                return NOT_A_WHOLE_NUMBER;
            }
        }
    }

    /** A long whole number; {@link #NOT_A_LONG} when the text is not one. */
    public static final class WholeLong implements Converter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.valueOf(value.trim());
            } catch (NumberFormatException e) {
                return NOT_A_LONG;
            }
        }
    }

    /** A duration as Quarkus reads one ({@code 30s}, {@code 5m}, {@code PT1H}); {@link #NOT_A_DURATION} when the text is not one. */
    public static final class Span implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                Duration parsed = DurationConverter.parseDuration(value.trim());
                return parsed == null ? NOT_A_DURATION : parsed;
            } catch (RuntimeException e) {
                return NOT_A_DURATION;
            }
        }
    }

    /**
     * {@code true} or {@code false}, in any case. Anything else reads as false here, without the config library's
     * warning (its converter turns any unknown text into false too); {@link ConfigRanges} refuses it from the text as
     * written, so a typo cannot quietly turn a feature off.
     */
    public static final class Flag implements Converter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return value.trim().equalsIgnoreCase("true");
        }

        /** True for the texts this converter reads as a value: true and false in any case, blanks around allowed. */
        static boolean isFlag(String text) {
            String t = text.trim();
            return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false");
        }
    }
}
