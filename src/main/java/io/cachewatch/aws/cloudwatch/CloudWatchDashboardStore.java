package io.cachewatch.aws.cloudwatch;

import io.cachewatch.alarm.AlarmStoreException;
import io.cachewatch.aws.Pacer;
import io.cachewatch.dashboard.DashboardStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsResponse;

/**
 * {@link DashboardStore} on CloudWatch dashboards. Dashboards are global, so one store (one client, any region)
 * serves every region of a run, and one set of pacers covers them: the quotas of ListDashboards, GetDashboard,
 * PutDashboard and DeleteDashboards are 10 TPS each per account.
 *
 * <p>Cost of a no-drift run: ⌈managed / page⌉ ListDashboards calls plus one GetDashboard per rendered dashboard that
 * exists, because CloudWatch offers no body hash or modification marker a comparison could use (ListDashboards'
 * {@code Size} and {@code LastModified} cannot tell a same-size hand edit). At 10 TPS, 200 dashboards take ~20 s.
 */
public final class CloudWatchDashboardStore implements DashboardStore {
    private static final Logger LOG = Logger.getLogger(CloudWatchDashboardStore.class);

    /** DeleteDashboards takes a list of names; batches keep one failure from failing everything. */
    public static final int DELETE_BATCH = 100;

    /** One pacer per dashboard API. */
    public record Pacers(Pacer list, Pacer get, Pacer put, Pacer delete) {
        /** The four APIs at the same rate (their quotas are equal). */
        public static Pacers of(double tps) {
            return new Pacers(new Pacer("ListDashboards", "global", tps), new Pacer("GetDashboard", "global", tps),
                    new Pacer("PutDashboard", "global", tps), new Pacer("DeleteDashboards", "global", tps));
        }
    }

    private final CloudWatchClient client;
    private final Pacers pacers;

    public CloudWatchDashboardStore(CloudWatchClient client, Pacers pacers) {
        this.client = client;
        this.pacers = pacers;
    }

    @Override
    public List<String> listManaged(String namePrefix) {
        // the prefix is re-checked because not every CloudWatch implementation applies it
        List<String> names = Pages.all("ListDashboards", () -> pacers.list().acquire(),
                token -> client.listDashboards(ListDashboardsRequest.builder().dashboardNamePrefix(namePrefix).nextToken(token).build()),
                page -> page.dashboardEntries().stream().map(e -> e.dashboardName()).filter(n -> n.startsWith(namePrefix)).toList(),
                ListDashboardsResponse::nextToken);
        return List.copyOf(new LinkedHashSet<>(names));
    }

    @Override
    public Optional<String> body(String name) {
        pacers.get().acquire();
        try {
            return Optional.of(CloudWatchAlarmStore.call("GetDashboard", name,
                    () -> client.getDashboard(b -> b.dashboardName(name))).dashboardBody());
        } catch (AlarmStoreException e) {
            if (e.getCause() instanceof DashboardNotFoundErrorException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void put(String name, String body) {
        pacers.put().acquire();
        var response = CloudWatchAlarmStore.call("PutDashboard", name, () -> client.putDashboard(b -> b.dashboardName(name).dashboardBody(body)));
        // validation messages are warnings: the dashboard was saved (errors fail the call instead)
        response.dashboardValidationMessages().forEach(m -> LOG.warnf("PutDashboard %s: %s: %s", name, m.dataPath(), m.message()));
    }

    @Override
    public void delete(List<String> names) {
        for (List<String> batch : Batches.of(names, DELETE_BATCH)) {
            pacers.delete().acquire();
            CloudWatchAlarmStore.call("DeleteDashboards", batch.get(0), () -> client.deleteDashboards(b -> b.dashboardNames(batch)));
        }
    }
}
