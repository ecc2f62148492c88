package io.cachewatch.cli;

import io.cachewatch.config.UsageException;
import io.cachewatch.report.ReconcileReport;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** Makes every usage error exit 64 (EX_USAGE), as the CLI contract says, instead of picocli's 2 (which means drift). */
@ApplicationScoped
public class CommandLineSetup {
    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        CommandLine commandLine = factory.create();
        // enum options are written in lower case on the command line (--only alarms)
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("cachewatch: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr())) {
                cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            }
            return ReconcileReport.EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UsageException) {
                cmd.getErr().println("cachewatch: " + ex.getMessage());
                return ReconcileReport.EXIT_USAGE;
            }
            cmd.getErr().println("cachewatch: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ReconcileReport.EXIT_ERRORS;
        });
        return commandLine;
    }
}
