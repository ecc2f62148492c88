package io.cachewatch.cli;

/** {@code --output text|json}. */
public enum OutputFormat {
    text,
    json
}
