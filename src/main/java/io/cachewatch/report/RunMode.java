package io.cachewatch.report;

/** How a reconcile treats its plan. */
public enum RunMode {
    /** Apply the plan. */
    APPLY,
    /** Show the plan, write nothing. */
    DRY_RUN,
    /** Show the plan, write nothing, exit 2 when there is drift. */
    CHECK
}
