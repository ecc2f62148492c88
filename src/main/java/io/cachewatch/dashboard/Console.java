package io.cachewatch.dashboard;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.Engine;

/** Links into the AWS console, for the text widget of a cluster dashboard. */
final class Console {
    private Console() {
    }

    static String url(Cluster c) {
        String r = c.region();
        String home = "https://" + r + ".console.aws.amazon.com/";
        return switch (c.kind()) {
            case MEMORYDB -> home + "memorydb/home?region=" + r + "#/clusters/" + c.id();
            case SERVERLESS -> home + "elasticache/home?region=" + r + "#/serverless/" + c.id();
            case ELASTICACHE -> home + "elasticache/home?region=" + r + "#/" + (c.engine() == Engine.MEMCACHED ? "memcached" : c.engine().id()) + "/" + c.id();
        };
    }
}
