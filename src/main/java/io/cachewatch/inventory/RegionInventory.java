package io.cachewatch.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** Everything discovered in one region, with what could not be read. */
public record RegionInventory(String region, List<Cluster> clusters, List<DiscoveryError> errors) {
    public RegionInventory {
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Complete only when every discovery call for the region succeeded. */
    @JsonIgnore
    public boolean complete() {
        return errors.isEmpty();
    }
}
