package io.cachewatch.profile;

import java.util.List;
import java.util.Optional;

/**
 * The dashboard templates a profile names ({@code dashboard:} in the YAML), its own entries first, then those it
 * inherits through {@code extends}. The first entry that covers a cluster's default template decides, so a child's
 * {@code dashboard: compact} replaces everything the parent chose and a child's {@code dashboard: {redis: compact}}
 * replaces only the parent's choice for Redis-like clusters.
 */
public record DashboardChoice(List<Entry> entries) {
    public static final DashboardChoice NONE = new DashboardChoice(List.of());
    /** The value that gives a cluster no dashboard. */
    public static final String OFF = "off";

    /**
     * One {@code dashboard} entry as written.
     *
     * @param forDefault the default template it replaces ({@code redis}, …), or null for every cluster of the profile
     * @param template   a template name, or {@link #OFF}
     */
    public record Entry(String forDefault, String template, SourceLocation location, String field) {
        /** A problem with this entry, located where it was written. */
        public ProfileProblem problem(String message) {
            return new ProfileProblem(location.file(), location.line(), field, message);
        }
    }

    public DashboardChoice {
        entries = List.copyOf(entries);
    }

    /** The entry that decides for a cluster whose kind's default template is {@code kindDefault}; empty when none does. */
    public Optional<Entry> forDefault(String kindDefault) {
        return entries.stream().filter(e -> e.forDefault() == null || e.forDefault().equals(kindDefault)).findFirst();
    }
}
