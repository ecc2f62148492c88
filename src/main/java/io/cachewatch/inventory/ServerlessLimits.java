package io.cachewatch.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Usage limits configured on a serverless cache; either may be absent (no limit configured).
 *
 * @param ecpuPerSecondMax    maximum ElastiCache Processing Units per second
 * @param dataStorageMaxBytes maximum data storage, converted to bytes from the API's GB unit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerlessLimits(Long ecpuPerSecondMax, Long dataStorageMaxBytes) {
    public static final ServerlessLimits NONE = new ServerlessLimits(null, null);
}
