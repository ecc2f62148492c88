package io.cachewatch.alarm;

import java.util.Locale;

/** CloudWatch comparison operators for static thresholds, with the short symbol profiles use. */
public enum Comparison {
    GREATER_THAN(">", "GreaterThanThreshold"),
    GREATER_THAN_OR_EQUAL(">=", "GreaterThanOrEqualToThreshold"),
    LESS_THAN("<", "LessThanThreshold"),
    LESS_THAN_OR_EQUAL("<=", "LessThanOrEqualToThreshold");

    private final String symbol;
    private final String cloudWatchName;

    Comparison(String symbol, String cloudWatchName) {
        this.symbol = symbol;
        this.cloudWatchName = cloudWatchName;
    }

    public String symbol() {
        return symbol;
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }

    /** Accepts the symbol or the CloudWatch name; null when neither matches. */
    public static Comparison parse(String text) {
        String t = text.trim();
        for (Comparison c : values()) {
            if (c.symbol.equals(t) || c.cloudWatchName.equalsIgnoreCase(t) || c.name().equals(t.toUpperCase(Locale.ROOT))) {
                return c;
            }
        }
        return null;
    }

    public boolean isUpper() {
        return this == GREATER_THAN || this == GREATER_THAN_OR_EQUAL;
    }
}
