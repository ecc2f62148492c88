package io.cachewatch.cli;

import io.cachewatch.config.CachewatchConfig;
import io.cachewatch.config.ConfigRanges;
import io.cachewatch.config.StateSettings;
import io.cachewatch.config.UsageException;
import io.cachewatch.inventory.InventoryJson;
import io.cachewatch.report.JsonReport;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.ReportError;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Makes every usage error exit 64 (EX_USAGE), as the CLI contract says, instead of picocli's 2 (which means drift);
 * checks every setting's range before any command runs; and keeps the JSON contract on every error path: with
 * {@code --output json}, stdout carries one JSON document, {@code {"errors":[…]}}, whatever went wrong.
 */
@ApplicationScoped
public class CommandLineSetup {
    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory, CachewatchConfig config) {
        CommandLine commandLine = factory.create();
        // enum options are written in lower case on the command line (--only alarms)
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(parsed -> {
            if (!helpRequested(parsed)) {
                List<String> problems = new java.util.ArrayList<>(ConfigRanges.problems(config, CommandLineSetup::configured));
                problems.addAll(StateSettings.problems(config.state()));
                if (!problems.isEmpty()) {
                    throw new CommandLine.ExecutionException(deepest(parsed).commandSpec().commandLine(), "configuration",
                            new UsageException(String.join("\n", problems)));
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        commandLine.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("cachewatch: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr())) {
                cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            }
            if (jsonAsked(args)) {
                printErrors(cmd.getOut(), List.of(new ReportError("usage", null, null, ex.getMessage())));
            }
            return ReconcileReport.EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean usage = ex instanceof UsageException;
            String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            // one problem per line (all out-of-range settings at once): one error each
            List<String> lines = List.of(message.split("\n"));
            lines.forEach(line -> cmd.getErr().println("cachewatch: " + line));
            if (jsonAsked(parsed)) {
                String source = usage ? "usage" : ex instanceof InventoryJson.InvalidInventoryException ? "inventory" : "run";
                printErrors(cmd.getOut(), lines.stream().map(line -> new ReportError(source, null, null, line)).toList());
            }
            return usage ? ReconcileReport.EXIT_USAGE : ReconcileReport.EXIT_ERRORS;
        });
        return commandLine;
    }

    private static void printErrors(PrintWriter out, List<ReportError> errors) {
        out.println(JsonReport.errorsOnly(errors));
        out.flush();
    }

    /** The setting as written (environment, file, -D), for messages; null when it has none. */
    private static String configured(String key) {
        ConfigValue value = ConfigProvider.getConfig().getConfigValue(key);
        return value == null ? null : value.getValue();
    }

    private static boolean helpRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    private static ParseResult deepest(ParseResult parsed) {
        ParseResult p = parsed;
        while (p.hasSubcommand()) {
            p = p.subcommand();
        }
        return p;
    }

    /** {@code --output json} on a command that was parsed. */
    private static boolean jsonAsked(ParseResult parsed) {
        if (parsed == null) {
            return false;
        }
        ParseResult command = deepest(parsed);
        // by name: audit's --output has a format enum of its own (text, json, asff)
        return command.hasMatchedOption("--output") && "json".equals(String.valueOf(command.matchedOptionValue("--output", (Object) null)));
    }

    /**
     * {@code --output json} among arguments that could not be parsed (an unknown option next to it, a bad value): the
     * caller asked for JSON, so the usage error is JSON too.
     */
    static boolean jsonAsked(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--output") && i + 1 < args.length && json(args[i + 1])) {
                return true;
            }
            if (arg.startsWith("--output=") && json(arg.substring("--output=".length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean json(String value) {
        return value.toLowerCase(Locale.ROOT).equals("json");
    }
}
