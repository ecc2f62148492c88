package io.cachewatch.aws.memorydb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.posture.Reservation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.memorydb.model.Parameter;
import software.amazon.awssdk.services.memorydb.model.ReservedNode;

/**
 * moto implements neither DescribeReservedNodes nor DescribeParameters, so these responses are built from the MemoryDB
 * API reference's documented shapes: ReservedNode (ReservationId, ReservedNodesOfferingId, NodeType, StartTime,
 * Duration in seconds, NodeCount, OfferingType, State, ARN) and Parameter (Name, Value, Description, DataType,
 * AllowedValues, MinimumEngineVersion).
 */
class MemoryDbReservedReaderTest {
    static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

    static ReservedNode node(String id, String state) {
        return ReservedNode.builder().reservationId(id).reservedNodesOfferingId("off").nodeType("db.r6g.large").startTime(START)
                .duration(94_608_000).fixedPrice(5000.0).nodeCount(2).offeringType("All Upfront").state(state)
                .arn("arn:aws:memorydb:us-east-1:123456789012:reservednode/" + id).build();
    }

    @Test
    void activeReservationsOnlyWithTheirEnd() {
        assertThat(MemoryDbReservedReader.translate(List.of(node("r-1", "active"), node("r-2", "retired"), node("r-3", "payment-pending"))))
                .containsExactly(new Reservation("r-1", "db.r6g.large", 2, START, Instant.parse("2027-06-01T00:00:00Z")));
    }

    @Test
    void maxmemoryPolicyIsReadByName() {
        List<Parameter> parameters = List.of(Parameter.builder().name("activedefrag").value("no").dataType("string").build(),
                Parameter.builder().name("maxmemory-policy").value("noeviction").dataType("string")
                        .allowedValues("volatile-lru,allkeys-lru,volatile-lfu,allkeys-lfu,volatile-random,allkeys-random,volatile-ttl,noeviction")
                        .minimumEngineVersion("6.2.4").build());
        assertThat(MemoryDbReservedReader.maxmemoryPolicy(parameters)).isEqualTo("noeviction");
    }
}
