package io.cachewatch.console;

import io.cachewatch.audit.AuditResult;
import io.cachewatch.audit.CheckCatalog;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A failing audit result of a cluster, as the console shows it: by severity on the fleet page, with its reason,
 * evidence and remediation on the cluster page.
 *
 * @param evidence    the evidence as {@code field=value} pairs (values as AWS returned them)
 * @param remediation how to fix it, saying when the setting is fixed at creation
 * @param path        the cluster's console page
 */
public record AuditView(String severity, String check, String title, String region, String kind, String cluster, String reason,
                        String evidence, String remediation, String path) {
    /** Most severe first, then by cluster and check. */
    public static final Comparator<AuditView> ORDER = Comparator.comparing((AuditView v) -> -ClusterStatus.rank(v.severity()))
            .thenComparing(AuditView::region).thenComparing(AuditView::cluster).thenComparing(AuditView::check);

    /** The failing results of an audit of a target's clusters, in {@link #ORDER}. */
    public static List<AuditView> failing(String target, List<AuditResult> results) {
        return results.stream().filter(AuditResult::failing).map(r -> of(target, r)).sorted(ORDER).toList();
    }

    static AuditView of(String target, AuditResult r) {
        String title = CheckCatalog.find(r.check()).map(c -> c.title()).orElse(r.check());
        String evidence = r.evidence().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return new AuditView(r.severity().id(), r.check(), title, r.region(), r.kind(), r.cluster(), r.reason(), evidence,
                r.remediation(), "/status/" + Links.segment(target) + "/" + Links.segment(r.region()) + "/" + Links.segment(r.cluster()));
    }

    /** {@code region/kind/id}, the key of the cluster it is about ({@link ClusterStatus#key()}). */
    public String key() {
        return region + "/" + kind + "/" + cluster;
    }
}
