package io.cachewatch.cli;

import io.cachewatch.wiring.Wiring;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --region R}, repeatable, shared by every command that works on regions. */
public class RegionsOption {
    @Option(names = "--region", paramLabel = "R", description = "Region to work on; repeatable (default: cachewatch.regions).")
    List<String> regions;

    /** The regions named on the command line; empty when none were. */
    List<String> named() {
        return regions == null ? List.of() : regions;
    }

    /** The regions named on the command line, else the configured ones, else the SDK's default region. */
    List<String> resolve(Wiring wiring) {
        return wiring.regions(regions);
    }
}
