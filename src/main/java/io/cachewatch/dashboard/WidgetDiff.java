package io.cachewatch.dashboard;

import java.util.ArrayList;
import java.util.List;

/** Widgets added, removed and changed between the current and the rendered body, by title. */
public record WidgetDiff(List<String> added, List<String> removed, List<String> changed) {
    public WidgetDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** {@code 2 widgets changed (Engine CPU, Memory); 1 added (Network in)}; names past the third are counted. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        part(parts, changed, "changed");
        part(parts, added, "added");
        part(parts, removed, "removed");
        return parts.isEmpty() ? "layout or settings changed" : String.join("; ", parts);
    }

    private static void part(List<String> parts, List<String> titles, String verb) {
        if (titles.isEmpty()) {
            return;
        }
        List<String> shown = titles.subList(0, Math.min(3, titles.size()));
        String more = titles.size() > 3 ? ", +" + (titles.size() - 3) + " more" : "";
        parts.add(titles.size() + (titles.size() == 1 ? " widget " : " widgets ") + verb + " (" + String.join(", ", shown) + more + ")");
    }
}
