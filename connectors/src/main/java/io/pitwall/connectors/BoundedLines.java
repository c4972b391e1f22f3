package io.pitwall.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a file that may come from anyone (a bundle's NDJSON, a Falco file): like
 * {@link java.io.BufferedReader#readLine()}, but a line longer than a limit is never held in
 * memory: it is read past and comes back as {@link #TOO_LONG}, so one 2 GB "line" costs nothing
 * but the reading. Malformed UTF-8 reads as U+FFFD. A line ends at {@code \n}; a {@code \r}
 * before it is dropped.
 */
public final class BoundedLines {

    /** What {@link #next()} returns for a line longer than the limit (compare with {@code ==}). */
    public static final String TOO_LONG = new String("\u0000line too long\u0000");

    /** The default limit: 8 MiB characters, far beyond a log line (Loki's default limit is 256 KB). */
    public static final int DEFAULT_MAX_CHARS = 8 << 20;

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private int lineNumber;
    private boolean eof;

    public BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /**
     * Whether a line of JSON surely has no member named {@code key}: it never says
     * {@code "key"}, and holds no backslash-u escape that could spell it. The readers use it to
     * count, without a parse or an exception, lines that cannot be what a file holds, so a file of
     * millions of other lines costs only its reading.
     */
    public static boolean lacksKey(String line, String key) {
        return !line.contains("\"" + key + "\"") && !line.contains("\\u");
    }

    /** UTF-8 lines of {@code in}, malformed bytes replaced. */
    public static BoundedLines utf8(InputStream in, int maxChars) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BoundedLines(new InputStreamReader(in, decoder), maxChars);
    }

    /** The next line without its end, {@link #TOO_LONG}, or null at the end of the input. */
    public String next() throws IOException {
        StringBuilder line = null;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    if (!any) {
                        return null;
                    }
                    lineNumber++;
                    return tooLong ? TOO_LONG : finish(line, "");
                }
            }
            any = true;
            int start = pos;
            int i = pos;
            int limit = end;
            char[] b = buf;
            while (i < limit && b[i] != '\n') {
                i++;
            }
            pos = i;
            boolean ended = pos < end;
            int n = pos - start;
            if (!tooLong) {
                long held = (line == null ? 0 : line.length()) + (long) n;
                if (held > maxChars + 1L) {
                    tooLong = true;
                    line = null;
                } else if (ended && line == null) {
                    pos++;
                    lineNumber++;
                    return stripCr(new String(buf, start, n));
                } else {
                    if (line == null) {
                        line = new StringBuilder(Math.max(16, n * 2));
                    }
                    line.append(buf, start, n);
                }
            }
            if (ended) {
                pos++;
                lineNumber++;
                return tooLong ? TOO_LONG : finish(line, "");
            }
        }
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    public int lineNumber() {
        return lineNumber;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = n < 0;
            pos = end = 0;
            return !eof && fill();
        }
        pos = 0;
        end = n;
        return true;
    }

    private String finish(StringBuilder line, String empty) {
        if (line == null) {
            return empty;
        }
        if (line.length() > maxChars + (line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? 1 : 0)) {
            return TOO_LONG;
        }
        return stripCr(line.toString());
    }

    private String stripCr(String s) {
        if (!s.isEmpty() && s.charAt(s.length() - 1) == '\r') {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() > maxChars ? TOO_LONG : s;
    }
}
