package io.cachewatch.dashboard;

import io.cachewatch.console.Links;
import io.cachewatch.inventory.Cluster;

/** Links into the AWS console, for the text widget of a cluster dashboard. */
final class Console {
    private Console() {
    }

    static String url(Cluster c) {
        return Links.cluster(c.region(), c.kind().id(), c.engine().id(), c.id());
    }
}
