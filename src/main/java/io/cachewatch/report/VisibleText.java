package io.cachewatch.report;

/**
 * Text from the data plane (key names, client names, addresses, a server's error message) made safe to print: every
 * character a terminal or a chat client would interpret rather than show is written as a visible escape, so
 * {@code ansi:ESC[2J} prints as {@code ansi:\e[2J} instead of clearing the screen and a key holding a line break
 * stays on its own line instead of forging the next one. Control characters (C0, DEL, C1), Unicode format characters
 * (bidirectional overrides, zero-width characters) and line/paragraph separators are escaped; a backslash is doubled
 * so that an escape in the output always means a character that was escaped.
 */
public final class VisibleText {
    private VisibleText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.appendCodePoint(c);
                }
            }
            i += Character.charCount(c);
        }
        return out == null ? text : out.toString();
    }

    private static String escape(int c) {
        switch (c) {
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case 0x1b:
                return "\\e";
            case 0x07:
                return "\\a";
            case 0x08:
                return "\\b";
            default:
                break;
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
            return String.format("\\x%02x", c);
        }
        int type = Character.getType(c);
        if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
            return c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
        }
        return null;
    }
}
