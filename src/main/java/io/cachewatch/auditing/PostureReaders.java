package io.cachewatch.auditing;

import io.cachewatch.aws.AwsClients;
import io.cachewatch.aws.ec2.SecurityGroupReader;
import io.cachewatch.aws.elasticache.ElastiCacheAccessReader;
import io.cachewatch.aws.elasticache.ElastiCacheReservedReader;
import io.cachewatch.aws.elasticache.ElastiCacheUpdateReader;
import io.cachewatch.aws.memorydb.MemoryDbReservedReader;
import io.cachewatch.aws.memorydb.MemoryDbUpdateReader;
import io.cachewatch.inventory.Fleet;
import io.cachewatch.inventory.PostureEnrichment;
import io.cachewatch.inventory.PostureReader;
import java.util.List;

/**
 * The posture readers beyond discovery's own listings: security group rules, RBAC user groups, service updates, reserved
 * nodes, parameter groups' maxmemory-policy.
 */
public final class PostureReaders {
    private PostureReaders() {
    }

    /** The fleet with the posture these readers add (what {@code discover --posture} and every audit read). */
    public static Fleet enrich(Fleet fleet, AwsClients aws) {
        return PostureEnrichment.enrich(fleet, of(aws));
    }

    static List<PostureReader> of(AwsClients aws) {
        return List.of(new SecurityGroupReader(aws::ec2), new ElastiCacheAccessReader(aws::elastiCache),
                new ElastiCacheUpdateReader(aws::elastiCache), new MemoryDbUpdateReader(aws::memoryDb),
                new ElastiCacheReservedReader(aws::elastiCache), new MemoryDbReservedReader(aws::memoryDb));
    }
}
