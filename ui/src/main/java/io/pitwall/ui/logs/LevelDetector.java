package io.pitwall.ui.logs;

import java.util.Locale;

/**
 * Finds a line's level from what it says, without parsing more than its start: a JSON field
 * ({@code level}, {@code lvl}, {@code severity}, {@code log.level}, pino's numbers), a logfmt pair
 * ({@code level=warn}), a klog header ({@code E0102 10:00:00.000000}), or a level word near the
 * start (Spring Boot's {@code  INFO 1 ---}, Calico's {@code [DEBUG]}, nginx's {@code [error]},
 * .NET's {@code info:}). An access log's status code is not a level: such lines stay unknown.
 * Stateless and thread-safe.
 */
public final class LevelDetector {

    /** How far into a text line a level word may be. */
    static final int TEXT_WINDOW = 64;

    private static final String[] JSON_KEYS = {"\"level\"", "\"lvl\"", "\"severity\"", "\"log.level\"", "\"loglevel\"",
        "\"levelname\""};
    private static final String[] LOGFMT_KEYS = {"level=", "lvl=", "severity="};

    private LevelDetector() {
    }

    public static LogLevel detect(String line) {
        int start = 0;
        int n = line.length();
        while (start < n && line.charAt(start) <= ' ') {
            start++;
        }
        if (start == n) {
            return LogLevel.UNKNOWN;
        }
        if (line.charAt(start) == '{') {
            LogLevel json = json(line);
            if (json != LogLevel.UNKNOWN) {
                return json;
            }
        }
        LogLevel klog = klog(line, start);
        if (klog != LogLevel.UNKNOWN) {
            return klog;
        }
        LogLevel logfmt = logfmt(line);
        if (logfmt != LogLevel.UNKNOWN) {
            return logfmt;
        }
        return words(line, start);
    }

    /** A level's name or abbreviation, in any case, or pino's and bunyan's numbers; else unknown. */
    static LogLevel named(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "trace", "trc", "finest", "finer", "10" -> LogLevel.TRACE;
            case "debug", "dbg", "dbug", "fine", "verbose", "20" -> LogLevel.DEBUG;
            case "info", "inf", "information", "informational", "notice", "config", "30" -> LogLevel.INFO;
            case "warn", "warning", "wrn", "40" -> LogLevel.WARN;
            case "error", "err", "eror", "severe", "50" -> LogLevel.ERROR;
            case "fatal", "critical", "crit", "panic", "dpanic", "emerg", "emergency", "alert", "ftl", "60" -> LogLevel.FATAL;
            default -> LogLevel.UNKNOWN;
        };
    }

    private static LogLevel json(String line) {
        for (String key : JSON_KEYS) {
            int at = line.indexOf(key);
            while (at >= 0) {
                int i = skipSpaces(line, at + key.length());
                if (i < line.length() && line.charAt(i) == ':') {
                    i = skipSpaces(line, i + 1);
                    String value = jsonValue(line, i);
                    if (value != null) {
                        LogLevel level = named(value);
                        if (level != LogLevel.UNKNOWN) {
                            return level;
                        }
                    }
                }
                at = line.indexOf(key, at + 1);
            }
        }
        return LogLevel.UNKNOWN;
    }

    /** A JSON string's or number's text starting at {@code i}, or null. */
    private static String jsonValue(String line, int i) {
        if (i >= line.length()) {
            return null;
        }
        if (line.charAt(i) == '"') {
            int end = line.indexOf('"', i + 1);
            return end < 0 || end - i > 20 ? null : line.substring(i + 1, end);
        }
        int end = i;
        while (end < line.length() && Character.isDigit(line.charAt(end))) {
            end++;
        }
        return end == i ? null : line.substring(i, end);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** klog: {@code Lmmdd hh:mm:ss.uuuuuu}, L one of I W E F. */
    private static LogLevel klog(String line, int s) {
        if (line.length() < s + 9) {
            return LogLevel.UNKNOWN;
        }
        for (int k = 1; k <= 4; k++) {
            if (!Character.isDigit(line.charAt(s + k))) {
                return LogLevel.UNKNOWN;
            }
        }
        if (line.charAt(s + 5) != ' ' || !Character.isDigit(line.charAt(s + 6)) || line.charAt(s + 8) != ':') {
            return LogLevel.UNKNOWN;
        }
        return switch (line.charAt(s)) {
            case 'I' -> LogLevel.INFO;
            case 'W' -> LogLevel.WARN;
            case 'E' -> LogLevel.ERROR;
            case 'F' -> LogLevel.FATAL;
            case 'D' -> LogLevel.DEBUG;
            default -> LogLevel.UNKNOWN;
        };
    }

    private static LogLevel logfmt(String line) {
        for (String key : LOGFMT_KEYS) {
            int at = line.indexOf(key);
            while (at >= 0) {
                if (at == 0 || line.charAt(at - 1) == ' ' || line.charAt(at - 1) == '\t') {
                    int i = at + key.length();
                    boolean quoted = i < line.length() && line.charAt(i) == '"';
                    int from = quoted ? i + 1 : i;
                    int end = from;
                    while (end < line.length() && end - from < 16 && (Character.isLetterOrDigit(line.charAt(end)))) {
                        end++;
                    }
                    LogLevel level = named(line.substring(from, end));
                    if (level != LogLevel.UNKNOWN) {
                        return level;
                    }
                }
                at = line.indexOf(key, at + 1);
            }
        }
        return LogLevel.UNKNOWN;
    }

    /**
     * A level word near the start: in capitals as a whole word ({@code INFO}, {@code [WARN]},
     * {@code ERROR:}), or in any case when bracketed ({@code [error]}) or followed by a colon at
     * the very start ({@code info: ...}).
     */
    private static LogLevel words(String line, int s) {
        int end = Math.min(line.length(), s + TEXT_WINDOW);
        int i = s;
        while (i < end) {
            char c = line.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int w = i;
            while (w < end && Character.isLetter(line.charAt(w))) {
                w++;
            }
            if (w - i >= 3 && w - i <= 8) {
                String word = line.substring(i, w);
                char before = i > 0 ? line.charAt(i - 1) : ' ';
                char after = w < line.length() ? line.charAt(w) : ' ';
                boolean wholeWord = !Character.isLetterOrDigit(before) && before != '_' && before != '.' && before != '/'
                        && !Character.isLetterOrDigit(after) && after != '_' && after != '.' && after != '/' && after != '(';
                boolean capitals = word.equals(word.toUpperCase(Locale.ROOT));
                boolean bracketed = (before == '[' || before == '<') && (after == ']' || after == '>');
                boolean leading = i == s && after == ':';
                if (wholeWord && (capitals || bracketed || leading)) {
                    LogLevel level = named(word);
                    if (level != LogLevel.UNKNOWN) {
                        return level;
                    }
                }
            }
            i = w;
        }
        return LogLevel.UNKNOWN;
    }
}
