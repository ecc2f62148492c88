package io.cachewatch.aws;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.DiscoveryError;
import io.cachewatch.inventory.RegionInventory;
import io.cachewatch.posture.Posture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Shared steps of the posture readers: updating the clusters of a region and sorting failures. */
public final class PostureReads {
    /** Error codes that mean "this account may not call it" or "the service does not offer it": unknown, not an error. */
    private static final Set<String> UNAVAILABLE = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "NotImplemented", "InvalidAction", "UnknownOperationException", "UnsupportedOperation");

    private PostureReads() {
    }

    /** True when the failure means the API is not permitted or not offered here (the fields are unknown). */
    public static boolean unavailable(RuntimeException e) {
        if (!(e instanceof AwsServiceException aws)) {
            return false;
        }
        String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
        // Set.of(...).contains(null) throws: an error without a code (moto's HTML 500 page) is checked by status only
        return aws.statusCode() == 501 || aws.statusCode() == 403 || (code != null && UNAVAILABLE.contains(code));
    }

    /** The region with {@code change} applied to the posture of every cluster {@code which} selects. */
    public static RegionInventory update(RegionInventory region, Predicate<Cluster> which, BiFunction<Cluster, Posture.Builder, Posture.Builder> change,
                                         List<DiscoveryError> newErrors) {
        List<Cluster> clusters = new ArrayList<>();
        for (Cluster c : region.clusters()) {
            if (c.posture() != null && which.test(c)) {
                clusters.add(c.withPosture(change.apply(c, c.posture().toBuilder()).build()));
            } else {
                clusters.add(c);
            }
        }
        List<DiscoveryError> errors = new ArrayList<>(region.errors());
        errors.addAll(newErrors);
        return new RegionInventory(region.region(), clusters, errors);
    }

    /**
     * The failure of {@code operation}: the fields {@code fields} of the affected clusters become unknown with the
     * reason; unless the API is merely unavailable, the failure is also an error of the region.
     */
    public static RegionInventory failed(RegionInventory region, Predicate<Cluster> which, String operation, RuntimeException e,
                                         String... fields) {
        String reason = operation + " failed: " + RegionScan.describe(e);
        List<DiscoveryError> errors = unavailable(e) ? List.of() : List.of(new DiscoveryError(region.region(), operation, RegionScan.describe(e)));
        return update(region, which, (c, p) -> {
            for (String field : fields) {
                p.unknown(field, reason);
            }
            return p;
        }, errors);
    }
}
