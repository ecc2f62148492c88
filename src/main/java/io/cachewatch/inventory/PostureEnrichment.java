package io.cachewatch.inventory;

import java.util.ArrayList;
import java.util.List;

/** Runs every posture reader over every region of a fleet, in order. */
public final class PostureEnrichment {
    private PostureEnrichment() {
    }

    public static Fleet enrich(Fleet fleet, List<PostureReader> readers) {
        List<RegionInventory> regions = new ArrayList<>();
        for (RegionInventory region : fleet.regions()) {
            RegionInventory enriched = region;
            for (PostureReader reader : readers) {
                enriched = reader.enrich(enriched);
            }
            regions.add(enriched);
        }
        return new Fleet(regions);
    }
}
