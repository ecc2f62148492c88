package io.cachewatch.aws.tagging;

import io.cachewatch.aws.RegionScan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;

/**
 * Reads the tags of a region's clusters with the Resource Groups Tagging API: one GetResources listing per region and
 * service, filtered to the clusters' resource types, in pages of 100, instead of one tag call per cluster. Where the
 * listing is denied or fails, or does not cover a type, {@link ClusterTags} falls back to the per-cluster calls.
 * The clients come from the caller, who also closes them.
 */
public final class TaggingApi {
    /** ResourcesPerPage: "a minimum of 1 and a maximum value of 100" (GetResources). */
    public static final int PAGE_SIZE = 100;
    private static final Logger LOG = Logger.getLogger(TaggingApi.class);
    /** How IAM denials come back: AccessDeniedException from this JSON service, the others from older stacks. */
    private static final Set<String> DENIED = Set.of("AccessDeniedException", "AccessDenied", "UnauthorizedOperation");

    private final Function<String, ResourceGroupsTaggingApiClient> clients;

    /** @param clients region → client */
    public TaggingApi(Function<String, ResourceGroupsTaggingApiClient> clients) {
        this.clients = clients;
    }

    /**
     * Every resource of these types in the region that has or had tags (types as ResourceTypeFilters spells them, e.g.
     * {@code elasticache:replicationgroup}), or {@link RegionTags#unavailable} when any page fails: a listing cut short
     * cannot tell an untagged cluster from one it did not reach.
     */
    public RegionTags list(String region, List<String> resourceTypes) {
        Map<String, Map<String, String>> byArn = new LinkedHashMap<>();
        try {
            for (ResourceTagMapping mapping : clients.apply(region).getResourcesPaginator(r -> r
                    .resourceTypeFilters(resourceTypes).resourcesPerPage(PAGE_SIZE)).resourceTagMappingList()) {
                byArn.put(mapping.resourceARN(), TaggingTranslation.tags(mapping.tags()));
            }
        } catch (RuntimeException e) {
            String why = RegionScan.describe(e);
            if (denied(e)) {
                LOG.infof("%s: tag:GetResources is not allowed (%s); reading %s tags one call per cluster", region, why, resourceTypes);
            } else {
                LOG.warnf("%s: GetResources failed (%s); reading %s tags one call per cluster", region, why, resourceTypes);
            }
            return RegionTags.unavailable(why);
        }
        return RegionTags.listed(byArn);
    }

    /** The tags of one discovery pass over a region; the listing is made on first use, so a region without clusters costs none. */
    public ClusterTags forPass(String region, List<String> resourceTypes) {
        return new ClusterTags(region, () -> list(region, resourceTypes));
    }

    static boolean denied(RuntimeException e) {
        return e instanceof AwsServiceException aws && (aws.statusCode() == 403
                || aws.awsErrorDetails() != null && DENIED.contains(aws.awsErrorDetails().errorCode()));
    }
}
