package io.cachewatch.posture;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One cluster's share of the reserved nodes of its node type in its region. Reservations are billed per node type and
 * region, not per cluster: {@link ReservedCoverages#allocate} hands them to the oldest clusters first, so
 * {@code coveredNodes} is what this cluster would be covered by under that rule, and the pool's totals say how much is
 * left over or missing in the region.
 *
 * @param nodes         the cluster's running nodes
 * @param coveredNodes  how many of them the allocation covers
 * @param poolNodes     running nodes of this node type in the region (of the same service)
 * @param poolReserved  nodes of this node type reserved in the region (active reservations)
 * @param terms         the reservations allocated to this cluster, with the nodes each covers here and its end
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReservedCoverage(String nodeType, int nodes, int coveredNodes, int poolNodes, int poolReserved, List<Term> terms) {
    public ReservedCoverage {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    public int uncoveredNodes() {
        return nodes - coveredNodes;
    }

    /** Part of one reservation allocated to the cluster; {@code end} is an ISO-8601 instant. */
    public record Term(String reservation, int nodes, String end) {
    }
}
