package io.cachewatch.plan;

import io.cachewatch.inventory.ClusterRef;
import io.cachewatch.inventory.RegionInventory;
import java.util.List;
import java.util.Set;

/**
 * What the pipeline decided for one region before any kind plans it, composed once and shared by every kind: the
 * inventory, the problem clusters (whose resources every kind keeps as they are) and the rules skipped for facts AWS
 * does not have.
 */
public interface RegionDesired {
    RegionInventory inventory();

    List<ClusterProblem> problems();

    List<Skip> skips();

    /** Clusters whose managed resources, of every kind, must be left exactly as they are. */
    Set<ClusterRef> heldClusters();

    default String region() {
        return inventory().region();
    }
}
