package io.cachewatch.cli;

import io.cachewatch.alarm.DesiredAlarms;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.InventoryJson;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.plan.MassDeleteGuard;
import io.cachewatch.reconcile.Reconciler;
import io.cachewatch.report.JsonReport;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.ReportError;
import io.cachewatch.report.RunMode;
import io.cachewatch.report.TextReport;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Plans the alarms and dashboards every discovered cluster should have and applies the plan: creates what is"
                + " missing, corrects drift, deletes managed alarms and dashboards of clusters that are gone or opted out.")
public class ReconcileCommand implements Callable<Integer> {
    @Option(names = "--dry-run", description = "Show the plan, write nothing.")
    boolean dryRun;

    @Option(names = "--check", description = "Show the plan, write nothing, exit 2 when anything would change.")
    boolean check;

    @Mixin
    OutputOption output;

    @Mixin
    RegionsOption regions;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "Plan against a saved inventory (discover --output json) instead of calling ElastiCache/MemoryDB; writes nothing.")
    Path inventory;

    @Option(names = "--allow-mass-delete", description = "Apply even when more than cachewatch.safety.max-delete-share of a region's managed alarms would go.")
    boolean allowMassDelete;

    @Option(names = "--only", paramLabel = "WHAT", description = "alarms or dashboards (default: both).")
    Reconciler.Only only;

    @Mixin
    ProfilesOption profiles;

    @Spec
    CommandSpec spec;

    @Inject
    Wiring wiring;

    @Override
    public Integer call() throws Exception {
        RunMode mode = check ? RunMode.CHECK : dryRun || inventory != null ? RunMode.DRY_RUN : RunMode.APPLY;
        if (inventory != null && !dryRun && !check) {
            spec.commandLine().getErr().println("cachewatch: --inventory plans only: nothing is written");
        }
        ProfileLoading.Loaded loaded = ProfileLoading.load(profiles.directory(wiring));
        if (!loaded.problems().isEmpty()) {
            List<ReportError> errors = loaded.problems().stream()
                    .map(p -> new ReportError("profile", null, null, p.toString())).toList();
            return print(new ReconcileReport(mode, List.of(), List.of(), errors, List.of(), new TreeMap<>()));
        }
        Reconciler.Dashboards dashboards = null;
        if (only != Reconciler.Only.ALARMS) {
            DashboardLoading.Loaded templates = DashboardLoading.load(wiring, loaded.catalog());
            if (!templates.problems().isEmpty()) {
                return print(new ReconcileReport(mode, List.of(), List.of(), templates.problems(), List.of(), new TreeMap<>()));
            }
            dashboards = new Reconciler.Dashboards(templates.renderer(), wiring.dashboardNaming(), wiring::dashboardStore);
        }
        DesiredAlarms desired = wiring.desiredAlarms(loaded.catalog());
        MassDeleteGuard guard = wiring.guard(); // configuration errors surface before any AWS call
        wiring.checkRates();
        Fleet fleet = inventory != null ? fromFile() : wiring.discovery().discover(regions.resolve(wiring));
        Reconciler reconciler = new Reconciler(desired, wiring::alarmStore, guard,
                TerminalProgress.forConsole(mode == RunMode.APPLY && !output.json()), () -> false, dashboards);
        ReconcileReport report = reconciler.run(fleet,
                new Reconciler.Options(mode, allowMassDelete, wiring.config().alarms().prefix(), only), wiring.aws().recorder()::snapshot);
        return print(report);
    }

    private Fleet fromFile() throws java.io.IOException {
        Fleet fleet = InventoryJson.read(inventory);
        if (regions.named().isEmpty()) {
            return fleet;
        }
        List<RegionInventory> wanted = fleet.regions().stream().filter(r -> regions.named().contains(r.region())).toList();
        return new Fleet(wanted);
    }

    private int print(ReconcileReport report) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.json() ? JsonReport.render(report) + "\n" : TextReport.render(report));
        out.flush();
        return report.exitCode();
    }
}
