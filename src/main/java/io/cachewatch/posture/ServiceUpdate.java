package io.cachewatch.posture;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A service update not yet applied to a cluster (ElastiCache DescribeUpdateActions, MemoryDB DescribeServiceUpdates).
 *
 * @param type           security-update or engine-update
 * @param severity       critical, important, medium, low; null where the API has none (MemoryDB)
 * @param applyBy        the recommended apply-by date (ISO yyyy-mm-dd, UTC); null when none
 * @param status         the update action's status (not-applied, scheduled, in-progress, …)
 * @param slaMet         yes, no, n/a (ElastiCache)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceUpdate(String name, String type, String severity, String applyBy, String status, String slaMet) {
}
