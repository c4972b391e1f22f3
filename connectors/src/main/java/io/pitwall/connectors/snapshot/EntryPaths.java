package io.pitwall.connectors.snapshot;

import java.util.Locale;
import java.util.Set;

/**
 * The one rule for entry names, shared by the reader and the writer. A safe name is relative,
 * {@code /}-separated, at most {@value #MAX_LENGTH} characters, and each segment is made of ASCII
 * letters, digits, {@code .}, {@code _} and {@code -}, starts with a letter, digit or {@code _},
 * does not end with {@code .}, and is not a Windows device name. Anything else could escape a
 * folder when someone extracts the zip (zip-slip) or mean different files on different systems.
 */
final class EntryPaths {

    static final String MANIFEST = "manifest.json";
    static final int MAX_LENGTH = 255;

    private static final int SHOWN = 120;
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private EntryPaths() {
    }

    /** Why {@code name} is not a safe entry name, in plain words; null if it is safe. */
    static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "the name is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "the name is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == 0) {
                return "it contains a NUL character";
            }
            if (c < 0x20 || c == 0x7f) {
                return "it contains a control character";
            }
        }
        if (name.startsWith("/")) {
            return "it is an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
            return "it starts with a drive letter";
        }
        if (name.indexOf('\\') >= 0) {
            return "it contains a backslash";
        }
        if (name.endsWith("/")) {
            return "it is a folder entry";
        }
        String[] segments = name.split("/", -1);
        for (String s : segments) {
            if (s.equals("..")) {
                return "it has a \"..\" segment";
            }
        }
        for (String s : segments) {
            String p = segmentProblem(s);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String segmentProblem(String s) {
        if (s.isEmpty()) {
            return "it has an empty segment";
        }
        if (s.equals(".")) {
            return "it has a \".\" segment";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '.' && c != '_' && c != '-') {
                return "it contains the character " + describe(c)
                        + " (allowed are ASCII letters, digits, '.', '_' and '-')";
            }
        }
        if (s.charAt(0) == '.' || s.charAt(0) == '-') {
            return "a segment starts with '" + s.charAt(0) + "'";
        }
        if (s.endsWith(".")) {
            return "a segment ends with '.'";
        }
        int dot = s.indexOf('.');
        String base = (dot < 0 ? s : s.substring(0, dot)).toLowerCase(Locale.ROOT);
        if (DEVICES.contains(base)) {
            return "it names the Windows device " + base.toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /** The key two names collide on: names that differ only in case are the same file on some systems. */
    static String folded(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** {@code name} in double quotes, shortened and with control characters escaped, safe in a one-line message. */
    static String quote(String name) {
        if (name == null) {
            return "\"\"";
        }
        StringBuilder b = new StringBuilder(Math.min(name.length(), SHOWN) + 8).append('"');
        for (int i = 0; i < name.length(); i++) {
            if (i == SHOWN) {
                b.append('…');
                break;
            }
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String describe(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
