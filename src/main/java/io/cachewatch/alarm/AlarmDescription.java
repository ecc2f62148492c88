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

    private static final String RULE = "Rule ";
    private static final String PROFILE = " (profile ";
    private static final String ON = ") on ";
    private static final String NODE = "node ";
    private static final String OF = " of ";
    private static final String CLUSTER = "cluster ";
    private static final String MANAGED = ". Managed by cachewatch: hand edits are reverted on the next reconcile.\n";
    private static final String TRAILER_REGION = "[cachewatch region=";
    private static final String TRAILER_KIND = " kind=";
    private static final String TRAILER_CLUSTER = " cluster=";
    private static final String TRAILER_NODE = " node=";
    private static final String TRAILER_RULE = " rule=";
    private static final String TRAILER_PROFILE = " profile=";
    /** The fixed text of every rendered description; a node alarm's adds {@link #NODE} and {@link #OF}. */
    private static final int FIXED_LENGTH = (RULE + PROFILE + ON + CLUSTER + MANAGED + TRAILER_REGION + TRAILER_KIND + TRAILER_CLUSTER
            + TRAILER_NODE + TRAILER_RULE + TRAILER_PROFILE + "]").length();

    /**
     * One StringBuilder of the exact final size, filled front to back, rather than string concatenation: a plan renders
     * one description per alarm (tens of thousands), a cold JVM runs a concatenation of this many parts several times
     * slower until compiled, and a builder that has to grow, or text inserted in front, is copying the collector and
     * the interpreter then pay for.
     */
    public static String render(AlarmOwner owner, String ruleDescription) {
        String head = ruleDescription == null || ruleDescription.isBlank() ? null : ruleDescription.strip();
        String node = owner.node() == null ? "-" : owner.node();
        String kind = String.valueOf(owner.kind());
        int length = FIXED_LENGTH + owner.region().length() + kind.length() + node.length()
                + 2 * (owner.cluster().length() + owner.rule().length() + owner.profile().length())
                + (owner.node() == null ? 0 : NODE.length() + owner.node().length() + OF.length());
        if (head != null) {
            int room = MAX_LENGTH - length;
            if (head.length() + 1 > room) {
                head = head.substring(0, Math.max(0, room - 2)) + "…";
            }
        }
        StringBuilder text = new StringBuilder(length + (head == null ? 0 : head.length() + 1));
        if (head != null) {
            text.append(head).append('\n');
        }
        text.append(RULE).append(owner.rule()).append(PROFILE).append(owner.profile()).append(ON);
        if (owner.node() != null) {
            text.append(NODE).append(owner.node()).append(OF);
        }
        return text.append(CLUSTER).append(owner.cluster()).append(MANAGED)
                .append(TRAILER_REGION).append(owner.region()).append(TRAILER_KIND).append(kind)
                .append(TRAILER_CLUSTER).append(owner.cluster()).append(TRAILER_NODE).append(node).append(TRAILER_RULE).append(owner.rule())
                .append(TRAILER_PROFILE).append(owner.profile()).append(']').toString();
    }

    /**
     * What the descriptions of one rule of one profile share: the rule's text and the parts around the cluster and node.
     * A plan makes these once per rule and {@link #clusterText} once per cluster, and each alarm's description is then
     * a few appends ({@link #render(RuleText, String, AlarmOwner)}) instead of twenty.
     */
    public record RuleText(String description, String before, String after) {
    }

    public static RuleText ruleText(String rule, String profile, String ruleDescription) {
        String head = ruleDescription == null || ruleDescription.isBlank() ? null : ruleDescription.strip();
        return new RuleText(ruleDescription, (head == null ? "" : head + "\n") + RULE + rule + PROFILE + profile + ON,
                TRAILER_RULE + rule + TRAILER_PROFILE + profile + "]");
    }

    /** What the descriptions of one cluster share, from "cluster …" to the trailer's "node=". */
    public static String clusterText(String region, String kind, String cluster) {
        return CLUSTER + cluster + MANAGED + TRAILER_REGION + region + TRAILER_KIND + kind + TRAILER_CLUSTER + cluster + TRAILER_NODE;
    }

    /**
     * The text {@link #render(AlarmOwner, String)} gives for this owner and the rule's text, from the shared parts of the
     * owner's rule and cluster; a description that has to be cut to CloudWatch's limit is rendered the long way.
     */
    public static String render(RuleText rule, String clusterText, AlarmOwner owner) {
        String node = owner.node();
        int length = rule.before().length() + clusterText.length() + rule.after().length()
                + (node == null ? 1 : NODE.length() + OF.length() + 2 * node.length());
        if (length > MAX_LENGTH) {
            return render(owner, rule.description());
        }
        StringBuilder text = new StringBuilder(length).append(rule.before());
        if (node != null) {
            text.append(NODE).append(node).append(OF);
        }
        return text.append(clusterText).append(node == null ? "-" : node).append(rule.after()).toString();
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
