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

    /** The fixed text of a rendered description, for sizing its builder. */
    private static final int FIXED_LENGTH = 166;

    /**
     * One StringBuilder of the final size rather than string concatenation: a plan renders one description per alarm
     * (tens of thousands), a cold JVM runs a concatenation of this many parts several times slower until compiled, and
     * a builder that has to grow, or a second one for the rule's text, is garbage the collector then has to handle.
     */
    public static String render(AlarmOwner owner, String ruleDescription) {
        String head = ruleDescription == null || ruleDescription.isBlank() ? null : ruleDescription.strip();
        String node = owner.node() == null ? "-" : owner.node();
        String kind = String.valueOf(owner.kind());
        StringBuilder text = new StringBuilder(FIXED_LENGTH + owner.region().length() + kind.length() + 2 * (owner.cluster().length()
                + owner.rule().length() + owner.profile().length() + node.length()) + (head == null ? 0 : head.length() + 1))
                .append("Rule ").append(owner.rule()).append(" (profile ").append(owner.profile()).append(") on ");
        if (owner.node() != null) {
            text.append("node ").append(owner.node()).append(" of ");
        }
        text.append("cluster ").append(owner.cluster())
                .append(". Managed by cachewatch: hand edits are reverted on the next reconcile.\n")
                .append("[cachewatch region=").append(owner.region()).append(" kind=").append(kind)
                .append(" cluster=").append(owner.cluster()).append(" node=").append(node).append(" rule=").append(owner.rule())
                .append(" profile=").append(owner.profile()).append(']');
        if (head != null) {
            int room = MAX_LENGTH - text.length();
            if (head.length() + 1 > room) {
                head = head.substring(0, Math.max(0, room - 2)) + "…";
            }
            text.insert(0, head).insert(head.length(), '\n');
        }
        return text.toString();
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
