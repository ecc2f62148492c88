package io.cachewatch.aws.tagging;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one GetResources listing of a region says about its resources' tags, and where it cannot say.
 *
 * <p>GetResources "returns all the tagged or previously tagged resources" of the region; "resources that were
 * previously tagged, but do not currently have tags, are shown with an empty tag set" and it "does not return untagged
 * resources" (Resource Groups Tagging API reference, GetResources and its TagFilters parameter). So a resource missing
 * from a complete listing has never had a tag, and reading it as untagged is what the API documents.
 *
 * <p>That only holds where the listing covers the resource's type at all. An empty answer for a type looks the same
 * whether the type has no tagged resource or the API does not index it (a type string it does not know, a region or
 * partition without it, moto, which lists no MemoryDB resources and spells ElastiCache's types its own way). Reading
 * every cluster of such a type as untagged would silently drop tags that choose profiles and opt-outs, so a type
 * counts as covered only when the listing holds at least one resource of it; the tags of clusters of other types, and
 * of every cluster when the listing failed, are read one call per cluster.
 */
public final class RegionTags {
    private final Map<String, Map<String, String>> byArn;
    private final Set<String> coveredTypes;
    private final String unavailable;

    private RegionTags(Map<String, Map<String, String>> byArn, String unavailable) {
        this.byArn = Map.copyOf(byArn);
        this.unavailable = unavailable;
        Set<String> types = new HashSet<>();
        byArn.keySet().forEach(arn -> TaggingTranslation.resourceType(arn).ifPresent(types::add));
        this.coveredTypes = Set.copyOf(types);
    }

    /** A complete listing: every resource it returned, by ARN. */
    public static RegionTags listed(Map<String, Map<String, String>> byArn) {
        return new RegionTags(byArn, null);
    }

    /** No usable listing (denied, failed part-way): every cluster's tags are read one by one. */
    public static RegionTags unavailable(String reason) {
        return new RegionTags(Map.of(), reason);
    }

    /**
     * The tags of a resource, when the listing can tell: its entry, or none at all when the listing covers its type and
     * does not name it. Empty when the listing cannot tell; the caller then reads them with a call of its own.
     */
    public Optional<Map<String, String>> of(String arn) {
        if (unavailable != null) {
            return Optional.empty();
        }
        Map<String, String> tags = byArn.get(arn);
        if (tags != null) {
            return Optional.of(tags);
        }
        return TaggingTranslation.resourceType(arn).filter(coveredTypes::contains).map(type -> Map.of());
    }

    /** The resource's entry in the listing, if it has one. */
    public Optional<Map<String, String>> listed(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    /** Why the listing cannot be used, or null. */
    public String unavailable() {
        return unavailable;
    }
}
