package io.pitwall.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    @Test
    void readsLinesAsBufferedReaderDoesWithoutTheirEnds() throws IOException {
        assertThat(lines("a\nbb\r\n\nccc", 100)).containsExactly("a", "bb", "", "ccc");
        assertThat(lines("a\n", 100)).containsExactly("a");
        assertThat(lines("", 100)).isEmpty();
    }

    @Test
    void aLineOverTheLimitIsNeverHeldAndTheNextLineIsRead() throws IOException {
        String huge = "x".repeat(300_000);
        BoundedLines r = new BoundedLines(new StringReader("short\n" + huge + "\nafter\n" + huge), 1000);
        assertThat(r.next()).isEqualTo("short");
        assertThat(r.next()).isSameAs(BoundedLines.TOO_LONG);
        assertThat(r.lineNumber()).isEqualTo(2);
        assertThat(r.next()).isEqualTo("after");
        assertThat(r.next()).isSameAs(BoundedLines.TOO_LONG);
        assertThat(r.next()).isNull();
    }

    @Test
    void aLineOfExactlyTheLimitIsKeptWithOrWithoutItsCarriageReturn() throws IOException {
        assertThat(lines("abcd\r\nabcde\nabcd", 4)).containsExactly("abcd", BoundedLines.TOO_LONG, "abcd");
    }

    @Test
    void malformedUtf8ReadsAsReplacementCharacters() throws IOException {
        byte[] bad = {'o', 'k', (byte) 0xc3, 0x28, '\n', (byte) 0xff};
        BoundedLines r = BoundedLines.utf8(new ByteArrayInputStream(bad), 100);
        assertThat(r.next()).isEqualTo("ok\uFFFD(");
        assertThat(r.next()).isEqualTo("\uFFFD");
        assertThat(new String(bad, StandardCharsets.UTF_8)).contains("\uFFFD");
    }

    private static List<String> lines(String text, int max) throws IOException {
        BoundedLines r = new BoundedLines(new StringReader(text), max);
        List<String> out = new ArrayList<>();
        for (String l = r.next(); l != null; l = r.next()) {
            out.add(l);
        }
        return out;
    }
}
