package io.cachewatch.alarm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders and parses managed alarms' descriptions. The last line is a machine-readable trailer naming the owner, so
 * a later run can tell which cluster and rule an alarm belongs to without a tag call per alarm.
 */
public final class AlarmDescription {
    /** CloudWatch's limit on AlarmDescription. */
    public static final int MAX_LENGTH = 1024;
    private static final Pattern TRAILER = Pattern.compile(
            "\\[cachewatch region=(\\S+)(?: kind=(\\S+))? cluster=(\\S+) node=(\\S+) rule=(\\S+) profile=(\\S+)]\\s*$");

    private AlarmDescription() {
    }

    public static String render(AlarmOwner owner, String ruleDescription) {
        String where = owner.node() == null
                ? "cluster " + owner.cluster()
                : "node " + owner.node() + " of cluster " + owner.cluster();
        String trailer = "[cachewatch region=" + owner.region() + " kind=" + owner.kind() + " cluster=" + owner.cluster()
                + " node=" + (owner.node() == null ? "-" : owner.node()) + " rule=" + owner.rule()
                + " profile=" + owner.profile() + "]";
        String head = ruleDescription == null || ruleDescription.isBlank() ? "" : ruleDescription.strip() + "\n";
        String body = "Rule " + owner.rule() + " (profile " + owner.profile() + ") on " + where
                + ". Managed by cachewatch: hand edits are reverted on the next reconcile.\n";
        int room = MAX_LENGTH - body.length() - trailer.length();
        if (head.length() > room) {
            head = head.substring(0, Math.max(0, room - 2)) + "…\n";
        }
        return head + body + trailer;
    }

    /**
     * The owner named in the trailer, or null when the description carries none. A trailer of the form before the
     * identity kind was added ({@code [cachewatch region=… cluster=… …]}) gives an owner without a kind.
     */
    public static AlarmOwner parse(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = TRAILER.matcher(description);
        if (!m.find()) {
            return null;
        }
        String node = m.group(4).equals("-") ? null : m.group(4);
        return new AlarmOwner(m.group(1), m.group(2), m.group(3), node, m.group(5), m.group(6));
    }
}
