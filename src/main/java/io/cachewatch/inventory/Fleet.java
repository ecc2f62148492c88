package io.cachewatch.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** The whole inventory: every configured region with its clusters. */
public record Fleet(List<RegionInventory> regions) {
    public Fleet {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    @JsonIgnore
    public List<Cluster> clusters() {
        return regions.stream().flatMap(r -> r.clusters().stream()).toList();
    }

    @JsonIgnore
    public List<DiscoveryError> errors() {
        return regions.stream().flatMap(r -> r.errors().stream()).toList();
    }
}
