package io.cachewatch.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json}, shared by every command that prints a report. */
public class OutputOption {
    @Option(names = "--output", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    boolean json() {
        return format == OutputFormat.json;
    }
}
