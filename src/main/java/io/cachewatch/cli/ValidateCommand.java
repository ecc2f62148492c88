package io.cachewatch.cli;

import io.cachewatch.wiring.ProfileLoading;
import io.cachewatch.wiring.Wiring;
import io.cachewatch.dashboard.DashboardTemplates;
import io.cachewatch.dashboard.ProfileTemplates;
import io.cachewatch.dashboard.TemplateCheck;
import io.cachewatch.profile.AlarmProfile;
import io.cachewatch.report.ReconcileReport;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks every alarm profile and every dashboard template (each rendered for a sample cluster of every kind);"
                + " each problem is printed with its file and line.")
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
        Path templatesDir = Path.of(wiring.config().dashboards().dir());
        ProfileLoading.Loaded loaded = ProfileLoading.load(dir);
        DashboardTemplates templates = DashboardTemplates.load(templatesDir);
        List<String> problems = new ArrayList<>();
        loaded.problems().forEach(p -> problems.add(p.toString()));
        if (loaded.problems().isEmpty()) {
            ProfileTemplates.unknown(loaded.catalog(), templates).forEach(p -> problems.add(p.toString()));
            problems.addAll(TemplateCheck.problems(templates, wiring.dashboardRenderer(templates, loaded.catalog()),
                    wiring.desiredAlarms(loaded.catalog())));
        } else {
            // the templates cannot be rendered without profiles (thresholds, alarm lists), but they can be parsed
            problems.addAll(templates.problems());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println(problems.size() + " problem(s) in " + dir + " and " + templatesDir);
            return ReconcileReport.EXIT_ERRORS;
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String name : loaded.catalog().names()) {
            AlarmProfile profile = loaded.catalog().get(name);
            out.println(name + ": " + profile.rules().size() + " rules");
        }
        out.println("dashboard templates: " + String.join(", ", templates.names()));
        out.println("All profiles in " + dir + " and templates in " + templatesDir + " are valid.");
        return ReconcileReport.EXIT_OK;
    }
}
