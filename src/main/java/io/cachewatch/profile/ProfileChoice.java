package io.cachewatch.profile;

/** The outcome of choosing a profile for a cluster from its tags. */
public sealed interface ProfileChoice {
    /** Use the named profile; {@code because} says which tag or default decided it. */
    record Use(String profile, String because) implements ProfileChoice {
    }

    /** The cluster opted out ({@code cachewatch:ignore=true}): it gets no alarms, and its managed alarms go. */
    record Ignore(String because) implements ProfileChoice {
    }

    /** The tags cannot be read as a choice (an opt-out tag that is neither true nor false): a problem cluster. */
    record Invalid(String problem) implements ProfileChoice {
    }
}
