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
            "\\[cachewatch region=(\\S+) cluster=(\\S+) node=(\\S+) rule=(\\S+) profile=(\\S+)]\\s*$");

    private AlarmDescription() {
    }

    /**
     * One StringBuilder rather than string concatenation: a plan renders one description per alarm (tens of
     * thousands), and in a cold JVM a concatenation of this many parts costs several times as much until compiled.
     */
    public static String render(AlarmOwner owner, String ruleDescription) {
        StringBuilder body = new StringBuilder(MAX_LENGTH / 2)
                .append("Rule ").append(owner.rule()).append(" (profile ").append(owner.profile()).append(") on ");
        if (owner.node() != null) {
            body.append("node ").append(owner.node()).append(" of ");
        }
        body.append("cluster ").append(owner.cluster())
                .append(". Managed by cachewatch: hand edits are reverted on the next reconcile.\n")
                .append("[cachewatch region=").append(owner.region()).append(" cluster=").append(owner.cluster())
                .append(" node=").append(owner.node() == null ? "-" : owner.node()).append(" rule=").append(owner.rule())
                .append(" profile=").append(owner.profile()).append(']');
        if (ruleDescription == null || ruleDescription.isBlank()) {
            return body.toString();
        }
        String head = ruleDescription.strip();
        int room = MAX_LENGTH - body.length();
        if (head.length() + 1 > room) {
            head = head.substring(0, Math.max(0, room - 2)) + "…";
        }
        return new StringBuilder(head.length() + 1 + body.length()).append(head).append('\n').append(body).toString();
    }

    /** The owner named in the trailer, or null when the description carries none. */
    public static AlarmOwner parse(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = TRAILER.matcher(description);
        if (!m.find()) {
            return null;
        }
        String node = m.group(3).equals("-") ? null : m.group(3);
        return new AlarmOwner(m.group(1), m.group(2), node, m.group(4), m.group(5));
    }
}
