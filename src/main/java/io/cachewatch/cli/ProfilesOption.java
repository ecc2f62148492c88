package io.cachewatch.cli;

import io.cachewatch.wiring.Wiring;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --profiles DIR}, shared by every command that reads alarm profiles. */
public class ProfilesOption {
    @Option(names = "--profiles", paramLabel = "DIR", description = "Profile directory (default: cachewatch.profiles.dir, ./alarm-profiles).")
    Path dir;

    /** The directory named on the command line, or the configured one. */
    Path directory(Wiring wiring) {
        return dir != null ? dir : Path.of(wiring.config().profiles().dir());
    }
}
