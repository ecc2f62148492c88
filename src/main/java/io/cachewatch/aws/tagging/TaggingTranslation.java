package io.cachewatch.aws.tagging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;

/** Resource Groups Tagging API shapes → cachewatch's: resource types from ARNs, tag lists as maps. */
final class TaggingTranslation {
    private TaggingTranslation() {
    }

    /**
     * The resource type of an ARN as GetResources' ResourceTypeFilters spell it, {@code service:type}: "the string for
     * each service name and resource type is the same as that embedded in a resource's ARN" (GetResources,
     * ResourceTypeFilters). {@code arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:orders} →
     * {@code elasticache:replicationgroup}; MemoryDB separates with a slash, {@code …:cluster/ledger} →
     * {@code memorydb:cluster}. Empty for anything that is not an ARN with a resource type.
     */
    static Optional<String> resourceType(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || parts[2].isEmpty()) {
            return Optional.empty();
        }
        String resource = parts[5];
        int end = 0;
        while (end < resource.length() && resource.charAt(end) != ':' && resource.charAt(end) != '/') {
            end++;
        }
        if (end == 0 || end == resource.length()) {
            return Optional.empty();
        }
        return Optional.of(parts[2] + ":" + resource.substring(0, end));
    }

    /** A tag without a value (allowed by ElastiCache and MemoryDB) reads as the empty string, as ListTags gives it. */
    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Tag tag : tags) {
            map.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        return map;
    }
}
