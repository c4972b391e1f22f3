package io.pitwall.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the painter makes of a line's text before drawing it. */
class LogPainterTest {

    @Test
    void aDrawnLineHasNoControlCharactersAndIsNeverCutInsideASurrogatePair() {
        String plain = "no controls here";
        assertThat(LogPainter.printable(plain)).isSameAs(plain);
        assertThat(LogPainter.printable("a\tb\r\nc\u001b[31m")).isEqualTo("a b  c [31m");
        String emoji = "ab😀cd"; // the pair at 2 and 3
        assertThat(LogPainter.cut(emoji, 2)).isEqualTo(2);
        assertThat(LogPainter.cut(emoji, 3)).isEqualTo(4);
        assertThat(LogPainter.cut(emoji, 6)).isEqualTo(6);
        assertThat(LogPainter.cut(emoji, 0)).isZero();
    }
}
