package io.cachewatch.slowlog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remembers what was sent, per cluster, kind and pattern, so a repeat within the window is not sent again unless it
 * got worse: a higher severity, or a max duration or size (lost count for lost entries) grown by the worse factor. Its state
 * is plain data, kept between runs by the caller.
 */
public final class Suppression {
    /** What was last sent for one key. */
    public record Sent(Instant at, Severity severity, long max) {
    }

    private final Duration window;
    private final double worseFactor;
    private final Map<String, Sent> sent;

    public Suppression(Duration window, double worseFactor, Map<String, Sent> state) {
        this.window = window;
        this.worseFactor = worseFactor;
        this.sent = new TreeMap<>(state == null ? Map.of() : state);
    }

    /** True when {@code finding} repeats what was sent within the window and is not worse; false means send it. */
    public boolean suppressed(Finding finding, Instant now) {
        List<Measure> measures = measures(finding);
        for (Measure m : measures) {
            Sent last = sent.get(m.key);
            boolean recent = last != null && last.at().plus(window).isAfter(now);
            boolean worse = last != null && (finding.severity().compareTo(last.severity()) > 0 || m.max > last.max() * worseFactor);
            if (!recent || worse) {
                return false;
            }
        }
        return !measures.isEmpty();
    }

    /** Records that {@code finding} was sent at {@code now}. */
    public void sent(Finding finding, Instant now) {
        for (Measure m : measures(finding)) {
            sent.put(m.key, new Sent(now, finding.severity(), m.max));
        }
    }

    /** The state to keep, without entries older than the window. */
    public Map<String, Sent> state(Instant now) {
        Map<String, Sent> live = new TreeMap<>();
        sent.forEach((k, v) -> {
            if (v.at().plus(window).isAfter(now)) {
                live.put(k, v);
            }
        });
        return live;
    }

    private record Measure(String key, long max) {
    }

    private static List<Measure> measures(Finding f) {
        String prefix = f.cluster().key() + "|" + f.kind().id() + "|";
        if (f.kind() == FindingKind.LOST) {
            return List.of(new Measure(prefix, f.lost()));
        }
        // patterns beyond the top rows are not named in the message, so they do not decide on their own
        return f.topPatterns().stream().map(p -> new Measure(prefix + p.label(), p.max())).toList();
    }
}
