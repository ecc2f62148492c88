package io.cachewatch.cli;

import io.cachewatch.wiring.Wiring;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.InventoryJson;
import io.cachewatch.auditing.PostureReaders;
import io.cachewatch.report.InventoryText;
import io.cachewatch.report.ReconcileReport;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Prints every cluster, shard and node of the configured regions. The JSON form is what reconcile --inventory reads.")
public class DiscoverCommand implements Callable<Integer> {
    @Mixin
    OutputOption output;

    @Mixin
    RegionsOption regions;

    @Option(names = "--posture", description = "Also read security group rules (EC2), RBAC user groups and service updates,"
            + " so that audit --inventory can judge every check from the file.")
    boolean posture;

    @Spec
    CommandSpec spec;

    @Inject
    Wiring wiring;

    @Override
    public Integer call() throws Exception {
        Fleet fleet = wiring.discovery().discover(regions.resolve(wiring));
        if (posture) {
            fleet = PostureReaders.enrich(fleet, wiring.aws());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            InventoryJson.write(fleet, out);
            out.println();
        } else {
            out.print(InventoryText.render(fleet));
        }
        out.flush();
        fleet.errors().forEach(e -> spec.commandLine().getErr().println("discovery " + e.region() + " " + e.operation() + ": " + e.message()));
        return fleet.errors().isEmpty() ? ReconcileReport.EXIT_OK : ReconcileReport.EXIT_ERRORS;
    }
}
