package io.cachewatch.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Something that kept the audit from judging fully: a failed API call, a bad waiver tag, an unknown profile. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditError(String region, String cluster, String operation, String message) {
}
