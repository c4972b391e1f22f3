package io.pitwall.ui.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What lines to look for: a text (plain or a regular expression, with or without case) and the
 * levels to keep (a mask of {@link LogLevel#bit()}s). An empty text matches every line of the
 * kept levels. Immutable; the compiled pattern is shared, matchers are not.
 */
public record LogFilter(String text, boolean regex, boolean caseSensitive, int levels) {

    public static final LogFilter ALL = new LogFilter("", false, false, LogLevel.ALL_MASK);

    /** @throws PatternSyntaxException when {@code regex} and the text is not one */
    public LogFilter {
        text = text == null ? "" : text;
        if (regex && !text.isEmpty()) {
            Pattern.compile(text, flags(caseSensitive, text));
        }
    }

    public boolean hasText() {
        return !text.isEmpty();
    }

    /** Whether every line passes (no text, every level). */
    public boolean matchesEverything() {
        return !hasText() && (levels & LogLevel.ALL_MASK) == LogLevel.ALL_MASK;
    }

    public boolean keeps(LogLevel level) {
        return (levels & level.bit()) != 0;
    }

    public LogFilter withLevels(int mask) {
        return new LogFilter(text, regex, caseSensitive, mask);
    }

    public LogFilter withText(String t) {
        return new LogFilter(t, regex, caseSensitive, levels);
    }

    /** Whether the text is searched as bytes (an ASCII needle, or any needle with case). */
    boolean byteSearch() {
        return !regex && (caseSensitive || ascii(text));
    }

    /** The pattern used when the text is not searched as bytes. */
    Pattern pattern() {
        return Pattern.compile(regex ? text : Pattern.quote(text), flags(caseSensitive, text));
    }

    byte[] needle(boolean utf8) {
        String t = caseSensitive ? text : text.toLowerCase(Locale.ROOT);
        if (!utf8) {
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) > 0xFF) {
                    return null; // cannot occur in a Latin-1 line
                }
            }
            return t.getBytes(StandardCharsets.ISO_8859_1);
        }
        return t.getBytes(StandardCharsets.UTF_8);
    }

    /** Where the text occurs in {@code line}, as {start, end} pairs, for highlighting what is drawn. */
    public List<int[]> spans(String line) {
        return spans(line, highlightPattern());
    }

    /** The pattern {@link #spans(String, Pattern)} wants, compiled once per filter: null without a text or for a plain text with case. */
    Pattern highlightPattern() {
        return !regex && caseSensitive || !hasText() ? null : pattern();
    }

    /** As {@link #spans(String)}, with {@link #highlightPattern()} compiled once by the caller. */
    List<int[]> spans(String line, Pattern compiled) {
        List<int[]> out = new ArrayList<>();
        if (!hasText()) {
            return out;
        }
        if (!regex && caseSensitive) {
            int at = line.indexOf(text);
            while (at >= 0 && out.size() < 200) {
                out.add(new int[] {at, at + text.length()});
                at = line.indexOf(text, at + Math.max(1, text.length()));
            }
            return out;
        }
        Matcher m = compiled.matcher(line);
        while (m.find() && out.size() < 200) {
            if (m.end() > m.start()) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    /** Unicode case folding only when the text has non-ASCII letters (it costs regexes a lot). */
    private static int flags(boolean caseSensitive, String text) {
        return caseSensitive ? 0 : ascii(text) ? Pattern.CASE_INSENSITIVE : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
