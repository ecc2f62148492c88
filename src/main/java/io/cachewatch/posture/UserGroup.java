package io.cachewatch.posture;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An ElastiCache RBAC user group as far as the audit needs it: whether the user named {@code default} in it lets anyone
 * in (no password and switched on).
 *
 * @param defaultUserOpen true when its default user has authentication type no-password and an access string that
 *                        switches it on; null when the user group or its default user could not be read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserGroup(String id, String status, Boolean defaultUserOpen) {
}
