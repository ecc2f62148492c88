package io.cachewatch.plan;

import java.util.List;

/**
 * What differs between a resource as it is and as it should be: field by field where the kind compares fields, and
 * a line for a person.
 */
public record Diff(List<FieldDiff> fields, String summary) {
    public static final Diff NONE = new Diff(List.of(), null);

    public Diff {
        fields = List.copyOf(fields);
    }

    public boolean none() {
        return fields.isEmpty() && summary == null;
    }
}
