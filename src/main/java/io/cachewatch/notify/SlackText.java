package io.cachewatch.notify;

import io.cachewatch.report.VisibleText;

/**
 * Text from the data plane made inert for Slack (through AWS Chatbot's {@code client-markdown}): shown inside a code
 * span, so markdown (bold, links, lists) is not interpreted, with what Slack interprets even there escaped. Slack's
 * message formatting reference: "&amp;", "&lt;" and "&gt;" are the three characters to escape, as
 * {@code &amp;amp;}, {@code &amp;lt;}, {@code &amp;gt;}; with them, {@code <!channel>}, {@code <!here>},
 * {@code <@U123>} and {@code <http://…|text>} are text, not mentions or links. Backticks (which would end the code
 * span) become {@code '}, table pipes {@code ¦}, control characters visible escapes ({@link VisibleText}), and a cell is
 * capped.
 */
public final class SlackText {
    static final int MAX_CELL = 120;

    private SlackText() {
    }

    /** {@code `text`}, inert and capped at {@value #MAX_CELL} characters. */
    public static String code(String text) {
        String visible = VisibleText.of(text);
        return "`" + escape(visible.length() > MAX_CELL ? visible.substring(0, MAX_CELL) + "…" : visible) + "`";
    }

    /** The text inert, without a code span (titles, summaries, metadata). */
    public static String inert(String text) {
        return escape(VisibleText.of(text));
    }

    private static String escape(String visible) {
        return visible.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('`', '\'').replace('|', '¦');
    }
}
