package io.cachewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTest {
    @Test
    void controlAndEscapeCharactersAreShownNotInterpreted() {
        assertThat(VisibleText.of("ansi:\u001b[2J\u001b]0;pwned\u0007")).isEqualTo("ansi:\\e[2J\\e]0;pwned\\a");
        assertThat(VisibleText.of("key\nWARNING forged line\r")).isEqualTo("key\\nWARNING forged line\\r").doesNotContain("\n");
        assertThat(VisibleText.of("nul\u0000soh\u0001del\u007fcsi\u009b")).isEqualTo("nul\\x00soh\\x01del\\x7fcsi\\x9b");
        assertThat(VisibleText.of("admin\u202e\u200bgnp.exe")).as("bidi override, zero width").isEqualTo("admin\\u202e\\u200bgnp.exe");
        assertThat(VisibleText.of("line\u2028sep")).isEqualTo("line\\u2028sep");
        assertThat(VisibleText.of("a\\e")).as("a backslash in the text cannot pose as an escape").isEqualTo("a\\\\e");
    }

    @Test
    void ordinaryTextIsUnchanged() {
        String text = "user:{n}:session × café 東京 <!channel> `x` ✓";
        assertThat(VisibleText.of(text)).isSameAs(text);
        assertThat(VisibleText.of(null)).isEmpty();
    }
}
