package io.cachewatch.profile;

/** Whether a rule makes one alarm per node or one per cluster. */
public enum Scope {
    NODE,
    CLUSTER
}
