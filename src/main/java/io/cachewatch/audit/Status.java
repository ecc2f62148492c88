package io.cachewatch.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/** The status of one check on one cluster. */
public enum Status {
    PASS("pass"),
    FAIL("fail"),
    /** A failure the cluster's {@code cachewatch:waive:<check>} tag accepts, with its reason. */
    WAIVED("waived"),
    /** The check does not apply (with the reason: the kind or engine has no such setting, or the policy turned it off). */
    NOT_APPLICABLE("not-applicable"),
    /** The data to judge is missing (a field AWS did not return, an API not permitted); never read as a failure or a pass. */
    UNKNOWN("unknown"),
    /** AWS reports the change that fixes it as pending. */
    PENDING("pending");

    private final String id;

    Status(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
