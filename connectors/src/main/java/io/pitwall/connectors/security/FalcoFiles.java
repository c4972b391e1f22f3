package io.pitwall.connectors.security;

import io.pitwall.connectors.model.SecurityFinding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;

/**
 * Files of Falco events: Falco's JSON output ({@code falco -o json_output=true}, its file output
 * or stdout), one event a line, or a falcosidekick payload (one event, often pretty-printed).
 * Unlike {@link FalcoEvents#lines}, reading never fails on a bad line: the line is noted
 * ({@code "falco.ndjson line 3: not a Falco event (...)"}) and the rest is read. An event may span
 * lines (pretty-printed JSON, one object after another).
 */
public final class FalcoFiles {

    /** How many bad lines of one file are noted one by one; the rest are counted in one note. */
    static final int MAX_NOTES = 20;
    /** An object spread over lines is given up past this many characters. */
    private static final int MAX_PENDING_CHARS = 1 << 20;
    /** How many non-blank lines {@link #looksLikeFalco} reads before it says no. */
    private static final int SNIFF_LINES = 20;
    /** How much of a file {@link #looksLikeFalco} reads at most. */
    private static final int SNIFF_BYTES = 256 * 1024;

    private FalcoFiles() {
    }

    /** What a file held: its events, and notes on the lines that are not events. */
    public record Read(List<SecurityFinding> findings, List<String> notes) {

        public Read {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }
    }

    /** Every Falco event of {@code in}; {@code name} names the file in notes. */
    public static Read read(Reader in, String name) throws IOException {
        Scanner s = new Scanner(name);
        var r = new io.pitwall.connectors.BoundedLines(in, io.pitwall.connectors.BoundedLines.DEFAULT_MAX_CHARS);
        List<SecurityFinding> out = new ArrayList<>();
        for (String line = r.next(); line != null; line = r.next()) {
            if (line == io.pitwall.connectors.BoundedLines.TOO_LONG) {
                s.tooLong();
                continue;
            }
            Value v = s.feed(line);
            if (v == null) {
                continue;
            }
            if (isEvent(v.node())) {
                out.add(FalcoEvents.event(v.node(), v.text(), null));
            } else {
                s.note(v.line(), "not a Falco event (" + (v.node().isObject()
                        ? "a JSON object without rule and output or priority" : "JSON " + v.node().getNodeType()) + ")");
            }
        }
        s.finish();
        return new Read(out, s.notes());
    }

    /** {@link #read(Reader, String)} of UTF-8 bytes (malformed bytes read as U+FFFD). */
    public static Read read(InputStream in, String name) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return read(new InputStreamReader(in, decoder), name);
    }

    /** Every Falco event of a file. */
    public static Read read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /**
     * Whether a file holds Falco events: its first JSON value, which starts within its first
     * lines, is an object with {@code rule}, {@code priority}, {@code output} and {@code time}
     * (a JSON log line has a time but no rule and priority). Reads only the head of the file.
     */
    public static boolean looksLikeFalco(Path file) throws IOException {
        Scanner s = new Scanner(file.getFileName().toString());
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            // a bounded look: a trace or log file of a single 60 MB line must not be read whole to say no
            head = in.readNBytes(SNIFF_BYTES);
        }
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(new java.io.ByteArrayInputStream(head), decoder), 1 << 16)) {
            int nonBlank = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.indexOf('\0') >= 0) {
                    return false;
                }
                Value v = s.feed(line);
                if (v != null) {
                    JsonNode n = v.node();
                    return n.isObject() && n.has("rule") && n.has("priority") && n.has("output") && n.has("time");
                }
                if (!line.isBlank() && !s.pending() && ++nonBlank >= SNIFF_LINES) {
                    return false;
                }
                if (s.gaveUp()) {
                    return false;
                }
            }
        }
        return false;
    }

    /** A Falco event: an object with a rule and an output or a priority. */
    static boolean isEvent(JsonNode n) {
        return n.isObject() && n.hasNonNull("rule") && (n.hasNonNull("output") || n.hasNonNull("priority"));
    }

    /** Whether the JSON only ended too soon (an object spread over lines, or cut short). */
    private static boolean incomplete(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnexpectedEndOfInputException
                    || t instanceof JacksonException j && j.getOriginalMessage() != null
                    && j.getOriginalMessage().startsWith("Unexpected end-of-input")) {
                return true;
            }
        }
        return false;
    }

    /** The parser's words, one line, without its location. */
    static String why(JacksonException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int nl = m.indexOf('\n');
        m = (nl < 0 ? m : m.substring(0, nl)).strip();
        return m.length() > 120 ? m.substring(0, 120) + "..." : m;
    }

    /** One JSON value read, its text, and the line it starts on. */
    private record Value(JsonNode node, String text, int line) {
    }

    /** Turns lines into JSON values: one a line, or one spread over lines (pretty-printed). */
    private static final class Scanner {
        private final String name;
        private final List<String> notes = new ArrayList<>();
        private int noted;
        private int line;
        private StringBuilder pending;
        private final Depth depth = new Depth();
        private int pendingStart;
        private boolean gaveUp;

        Scanner(String name) {
            this.name = name;
        }

        /** The value completed by {@code text}, or null (a blank line, a bad line, an object not closed yet). */
        Value feed(String text) {
            line++;
            if (pending == null) {
                if (text.isBlank()) {
                    return null;
                }
                String t = text.strip();
                if (t.startsWith("\uFEFF")) {
                    t = t.substring(1);
                }
                if (!t.startsWith("{") && !t.startsWith("[")) {
                    note(line, "not a Falco event (not JSON)");
                    return null;
                }
                if (noted >= MAX_NOTES && cannotBeEvent(t)) {
                    // only counted from here on: a file of millions of other JSON lines is not parsed line by line
                    note(line, "not a Falco event");
                    return null;
                }
                try {
                    return new Value(Trees.JSON.readTree(t), t, line);
                } catch (JacksonException e) {
                    if (incomplete(e)) {
                        pending = new StringBuilder(t).append('\n');
                        pendingStart = line;
                        depth.reset();
                        depth.scan(t);
                        return null;
                    }
                    note(line, "not a Falco event (not JSON: " + why(e) + ")");
                    return null;
                }
            }
            if (text.startsWith("{")) {
                // a new object at the start of a line: the pending one was cut short
                note(pendingStart, "not a Falco event (the JSON does not end)");
                pending = null;
                line--;
                return feed(text);
            }
            pending.append(text).append('\n');
            depth.scan(text);
            if (depth.open()) {
                // not closed yet: parsing it again at every line would cost the square of its length
                if (pending.length() > MAX_PENDING_CHARS) {
                    note(pendingStart, "not a Falco event (a JSON value over " + MAX_PENDING_CHARS / 1024 + " KiB)");
                    pending = null;
                    gaveUp = true;
                }
                return null;
            }
            try {
                JsonNode n = Trees.JSON.readTree(pending.toString());
                pending = null;
                return new Value(n, n.toString(), pendingStart);
            } catch (JacksonException e) {
                if (incomplete(e)) {
                    if (pending.length() > MAX_PENDING_CHARS) {
                        note(pendingStart, "not a Falco event (a JSON value over " + MAX_PENDING_CHARS / 1024 + " KiB)");
                        pending = null;
                        gaveUp = true;
                    }
                    return null;
                }
                note(pendingStart, "not a Falco event (not JSON: " + why(e) + ")");
                pending = null;
                if (text.strip().startsWith("{")) {
                    line--;
                    return feed(text); // the line may start an event of its own
                }
                return null;
            }
        }

        boolean pending() {
            return pending != null;
        }

        /**
         * Whether a line is surely not a Falco event without parsing it: its brackets close on the
         * line (so no later line completes it) and it never says {@code "rule"}, not even through a
         * unicode escape (it holds no backslash-u).
         */
        private boolean cannotBeEvent(String t) {
            if (!io.pitwall.connectors.BoundedLines.lacksKey(t, "rule")) {
                return false;
            }
            scratch.reset();
            scratch.scan(t);
            return scratch.level == 0 && !scratch.broken;
        }

        private final Depth scratch = new Depth();

        /**
         * How deep in brackets a text is, outside its strings, followed line after line: a value spread
         * over lines is parsed once, when it closes (or when it cannot close any more).
         */
        private static final class Depth {
            private int level;
            private boolean inString;
            private boolean escaped;
            private boolean broken;

            void reset() {
                level = 0;
                inString = false;
                escaped = false;
                broken = false;
            }

            void scan(CharSequence s) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (inString) {
                        if (escaped) {
                            escaped = false;
                        } else if (c == '\\') {
                            escaped = true;
                        } else if (c == '"') {
                            inString = false;
                        }
                    } else if (c == '"') {
                        inString = true;
                    } else if (c == '{' || c == '[') {
                        level++;
                    } else if (c == '}' || c == ']') {
                        level--;
                        broken |= level < 0;
                    }
                }
                // a string cannot go on past the end of a line in JSON
                broken |= inString;
            }

            /** Whether the value may still close on a later line. */
            boolean open() {
                return level > 0 && !broken;
            }
        }

        /** A line too long to hold: noted, and whatever was pending is given up. */
        void tooLong() {
            line++;
            if (pending != null) {
                note(pendingStart, "not a Falco event (a JSON value over " + MAX_PENDING_CHARS / 1024 + " KiB)");
                pending = null;
            }
            note(line, "not a Falco event (a line longer than " + (io.pitwall.connectors.BoundedLines.DEFAULT_MAX_CHARS >> 20)
                    + " MiB)");
        }

        boolean gaveUp() {
            return gaveUp;
        }

        void finish() {
            if (pending != null) {
                note(pendingStart, "not a Falco event (the JSON does not end)");
                pending = null;
            }
            if (noted > MAX_NOTES) {
                notes.add(name + ": " + (noted - MAX_NOTES) + " more lines that are not Falco events");
            }
        }

        void note(int at, String what) {
            if (++noted <= MAX_NOTES) {
                notes.add(name + " line " + at + ": " + what);
            }
        }

        List<String> notes() {
            return notes;
        }
    }
}
