package io.cachewatch.aws.elasticache;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.posture.Reservation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticache.model.Parameter;
import software.amazon.awssdk.services.elasticache.model.ReservedCacheNode;

/**
 * moto implements neither DescribeReservedCacheNodes nor DescribeCacheParameters, so these responses are built from the
 * ElastiCache API reference's documented shapes: ReservedCacheNode (ReservedCacheNodeId, CacheNodeType, StartTime,
 * Duration in seconds, CacheNodeCount, ProductDescription, OfferingType, State) and Parameter (ParameterName,
 * ParameterValue, Source, DataType, AllowedValues, ...).
 */
class ElastiCacheReservedReaderTest {
    static final Instant START = Instant.parse("2025-12-01T00:00:00Z");

    static ReservedCacheNode node(String id, String type, int count, String state) {
        return ReservedCacheNode.builder().reservedCacheNodeId(id).reservedCacheNodesOfferingId("off-" + id).cacheNodeType(type)
                .startTime(START).duration(31_536_000).fixedPrice(1000.0).usagePrice(0.0).cacheNodeCount(count).productDescription("redis")
                .offeringType("All Upfront").state(state).reservationARN("arn:aws:elasticache:us-east-1:123456789012:reserved-instance:" + id).build();
    }

    @Test
    void activeReservationsEndOneTermAfterTheirStart() {
        List<Reservation> r = ElastiCacheReservedReader.translate(List.of(node("ri-1", "cache.r6g.large", 3, "active"),
                node("ri-2", "cache.r6g.large", 2, "payment-pending"), node("ri-3", "cache.m6g.large", 1, "retired")));
        assertThat(r).containsExactly(new Reservation("ri-1", "cache.r6g.large", 3, START, Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void aReservationWithoutStartOrDurationCoversNothing() {
        assertThat(ElastiCacheReservedReader.translate(List.of(node("ri-1", "cache.r6g.large", 3, "active").toBuilder().duration(null).build())))
                .isEmpty();
    }

    @Test
    void maxmemoryPolicyIsReadFromTheGroupsParametersDefaultGroupsIncluded() {
        // a default group (default.redis7) answers with its values like any other group: Source "system"
        List<Parameter> parameters = List.of(
                Parameter.builder().parameterName("maxmemory-samples").parameterValue("3").source("system").dataType("integer").build(),
                Parameter.builder().parameterName("maxmemory-policy").parameterValue("volatile-lru").source("system").dataType("string")
                        .allowedValues("volatile-lru,allkeys-lru,volatile-lfu,allkeys-lfu,volatile-random,allkeys-random,volatile-ttl,noeviction")
                        .isModifiable(true).build());
        assertThat(ElastiCacheReservedReader.maxmemoryPolicy(parameters)).isEqualTo("volatile-lru");
        assertThat(ElastiCacheReservedReader.maxmemoryPolicy(parameters.subList(0, 1))).isNull();
    }
}
