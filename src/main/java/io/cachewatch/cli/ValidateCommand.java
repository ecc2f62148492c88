package io.cachewatch.cli;

import io.cachewatch.profile.AlarmProfile;
import io.cachewatch.report.ReconcileReport;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks every alarm profile; each problem is printed as file:line: field: message.")
public class ValidateCommand implements Callable<Integer> {
    @Mixin
    ProfilesOption profiles;

    @Spec
    CommandSpec spec;

    @Inject
    Wiring wiring;

    @Override
    public Integer call() {
        Path dir = profiles.directory(wiring);
        ProfileLoading.Loaded loaded = ProfileLoading.load(dir);
        if (!loaded.problems().isEmpty()) {
            loaded.problems().forEach(p -> spec.commandLine().getErr().println(p));
            spec.commandLine().getErr().println(loaded.problems().size() + " problem(s) in " + dir);
            return ReconcileReport.EXIT_ERRORS;
        }
        for (String name : loaded.catalog().names()) {
            AlarmProfile profile = loaded.catalog().get(name);
            spec.commandLine().getOut().println(name + ": " + profile.rules().size() + " rules");
        }
        spec.commandLine().getOut().println("All profiles in " + dir + " are valid.");
        return ReconcileReport.EXIT_OK;
    }
}
