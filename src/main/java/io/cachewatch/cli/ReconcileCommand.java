package io.cachewatch.cli;

import io.cachewatch.wiring.Wiring;
import io.cachewatch.config.UsageException;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.InventoryJson;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.reconcile.Reconciler;
import io.cachewatch.report.JsonReport;
import io.cachewatch.report.ReconcileReport;
import io.cachewatch.report.RunMode;
import io.cachewatch.report.TextReport;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
    String only;

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
        if (only != null && !Wiring.KINDS.contains(only.trim().toLowerCase(java.util.Locale.ROOT))) {
            throw new UsageException("--only: expected one of " + String.join(", ", Wiring.KINDS) + ", was '" + only + "'");
        }
        Set<String> kinds = only == null ? Set.of() : Set.of(only.trim().toLowerCase(java.util.Locale.ROOT));
        Wiring.Loaded loaded = wiring.reconcileInputs(profiles.directory(wiring), kinds.isEmpty() || kinds.contains("dashboards"));
        if (!loaded.problems().isEmpty()) {
            return print(ReconcileReport.failed(mode, loaded.problems()));
        }
        Fleet fleet = inventory != null ? fromFile() : wiring.discovery().discover(regions.resolve(wiring));
        Reconciler<?> reconciler = wiring.reconciler(loaded.inputs(), kinds,
                TerminalProgress.forConsole(mode == RunMode.APPLY && !output.json()));
        return print(reconciler.run(fleet, new Reconciler.Options(mode, allowMassDelete), wiring.aws().recorder()::snapshot));
    }

    private Fleet fromFile() throws java.io.IOException {
        Fleet fleet = InventoryJson.read(inventory);
        if (regions.named().isEmpty()) {
            return fleet;
        }
        List<RegionInventory> wanted = fleet.regions().stream().filter(r -> regions.named().contains(r.region())).toList();
        return new Fleet(wanted);
    }

    private int print(ReconcileReport report) throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonReport.write(report, out);
        } else {
            out.print(TextReport.render(report));
        }
        out.flush();
        return report.exitCode();
    }
}
