package io.cachewatch.aws.tagging;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A cluster's tags during one discovery pass over a region: from the region's GetResources listing where it can tell
 * ({@link RegionTags#of}), else from the cluster's own tag call. Not thread-safe: one pass runs on one thread.
 */
public final class ClusterTags {
    private static final Logger LOG = Logger.getLogger(ClusterTags.class);

    private final String region;
    private final Supplier<RegionTags> listing;
    private final Set<String> reported = new HashSet<>();
    private RegionTags tags;

    ClusterTags(String region, Supplier<RegionTags> listing) {
        this.region = region;
        this.listing = listing;
    }

    /** No listing at all: every cluster's tags come from its own call. */
    public static ClusterTags perCluster(String region) {
        return new ClusterTags(region, () -> RegionTags.unavailable("no tagging API configured"));
    }

    /**
     * @param status  the cluster's status: one still {@code creating} that the listing does not name is asked
     *                directly, since its tags were set by the create request itself and may not have reached the
     *                listing yet (how soon GetResources follows a change is not documented)
     * @param oneCall the cluster's own tag call (ListTagsForResource, ListTags), for what the listing cannot tell
     */
    public Map<String, String> read(String arn, String status, Function<String, Map<String, String>> oneCall) {
        if (tags == null) {
            tags = listing.get();
        }
        if ("creating".equalsIgnoreCase(status)) {
            return tags.listed(arn).orElseGet(() -> oneCall.apply(arn));
        }
        return tags.of(arn).orElseGet(() -> {
            if (tags.unavailable() == null) {
                TaggingTranslation.resourceType(arn).filter(reported::add).ifPresent(type -> LOG.infof(
                        "%s: GetResources listed no %s resource, so it may not cover them; their tags are read one call per cluster",
                        region, type));
            }
            return oneCall.apply(arn);
        });
    }
}
