package io.cachewatch.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "cachewatch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Keeps ElastiCache and MemoryDB fleets watched: discovers clusters and reconciles their CloudWatch alarms.",
        subcommands = {ReconcileCommand.class, DiscoverCommand.class, ValidateCommand.class, SlowlogCommand.class,
                ServeCommand.class, AuditCommand.class},
        footer = {"", "Exit codes: 0 done or in sync, 1 errors, 2 drift found (--check), 3 refused by a safety guard, 64 usage error."})
public class CachewatchCommand {
}
