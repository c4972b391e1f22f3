package io.pitwall.connectors.logs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.snapshot.BundleProblem;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The logs' part of an incident bundle (docs/bundle-format.md): {@value #ENTRIES}, one line per
 * log line, oldest first: {@code {"time": RFC 3339 with nanoseconds, "labels": {...}, "line": "..."}}.
 * What the scopes and LogQL queries of the window return is written once each (a line asked twice
 * is written once); a query that fails is listed in the manifest's problems, a metric query is
 * skipped (its lines are the query's, not the logs').
 */
public final class LogsCapture {

    public static final String ENTRIES = "logs/entries.ndjson";
    /** A Loki query_range response, which older bundles and hand-made ones may hold. */
    public static final String QUERY_RANGE = "logs/query_range.json";
    /** The most lines captured for one scope or query: the newest of the window. */
    public static final int DEFAULT_LIMIT = 5000;
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private LogsCapture() {
    }

    /**
     * Reads the newest {@code limit} lines of each scope and query over {@code window} and writes
     * them. Nothing is written without a source or without anything to ask. Blocking: call it off
     * the FX thread.
     */
    public static void write(BundleWriter writer, LogsSource source, TimeRange window, List<LogScope> scopes,
                             List<String> queries, int limit) throws IOException {
        if (source == null || scopes.isEmpty() && queries.isEmpty()) {
            return;
        }
        List<LogQuery> asked = new ArrayList<>();
        new LinkedHashSet<>(scopes).forEach(s -> asked.add(new LogQuery(s, "", window, limit, true)));
        new LinkedHashSet<>(queries).forEach(q -> asked.add(new LogQuery(new LogScope.Cluster(), q, window, limit, true)));
        Set<Key> seen = new java.util.HashSet<>();
        List<LogEntry> all = new ArrayList<>();
        for (LogQuery q : asked) {
            String what = q.hasLogQL() ? "query " + q.logql() : q.scope().title();
            try {
                LogResult r = await(source.query(q));
                if (r.matrix().isPresent()) {
                    writer.addProblem(new BundleProblem("logs", what + " is a metric query: its lines are not logs, not captured"));
                    continue;
                }
                for (LogEntry e : r.entries()) {
                    if (seen.add(new Key(e.epochNanos(), e.stream().labels(), e.line()))) {
                        all.add(e);
                    }
                }
                if (r.limited()) {
                    writer.addProblem(new BundleProblem("logs", what + ": only the newest " + limit + " lines were captured"));
                }
            } catch (LogQueryException e) {
                writer.addProblem(new BundleProblem("logs", what + " failed: " + e.getMessage()));
            }
        }
        all.sort(Comparator.comparingLong(LogEntry::epochNanos));
        List<LogEntry> redacted = redact(all, writer);
        writer.add(ENTRIES, "application/x-ndjson", out -> writeEntries(out, redacted));
    }

    /**
     * The entries with their secrets replaced by the writer's rules: each stream's lines in order
     * (a key, a token, a connection string's password, a PEM block logged a line at a time) and
     * the streams' label values. Oldest first, as given.
     */
    static List<LogEntry> redact(List<LogEntry> entries, BundleWriter writer) {
        Map<LogStream, List<Integer>> byStream = new java.util.LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byStream.computeIfAbsent(entries.get(i).stream(), s -> new ArrayList<>()).add(i);
        }
        LogEntry[] out = new LogEntry[entries.size()];
        for (Map.Entry<LogStream, List<Integer>> s : byStream.entrySet()) {
            LogStream stream = labels(s.getKey(), writer);
            List<Integer> at = s.getValue();
            List<String> lines = writer.redaction().lines(at.stream().map(i -> entries.get(i).line()).toList(),
                    writer::countRedactions);
            for (int k = 0; k < at.size(); k++) {
                LogEntry e = entries.get(at.get(k));
                out[at.get(k)] = lines.get(k) == e.line() && stream == e.stream() ? e
                        : new LogEntry(e.epochNanos(), stream, lines.get(k));
            }
        }
        return java.util.Arrays.asList(out);
    }

    private static LogStream labels(LogStream stream, BundleWriter writer) {
        Map<String, String> labels = new TreeMap<>();
        boolean changed = false;
        for (Map.Entry<String, String> l : stream.labels().entrySet()) {
            String v = writer.redact(l.getKey(), l.getValue());
            changed |= v != l.getValue();
            labels.put(l.getKey(), v);
        }
        return changed ? new LogStream(labels) : stream;
    }

    private record Key(long nanos, Map<String, String> labels, String line) {
    }

    private static <T> T await(CompletableFuture<T> f) throws LogQueryException {
        try {
            return f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw LokiReplies.asLogQueryException(e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new LogQueryException("timeout", "no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogQueryException("canceled", "the capture was interrupted");
        }
    }

    /** One JSON object a line: time, labels, line. */
    public static void writeEntries(OutputStream out, List<LogEntry> entries) throws IOException {
        try (JsonGenerator g = LokiJson.FACTORY.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setRootValueSeparator(null); // NDJSON: the newline alone separates them
            for (LogEntry e : entries) {
                g.writeStartObject();
                g.writeStringField("time", e.time().toString());
                g.writeObjectFieldStart("labels");
                for (Map.Entry<String, String> l : new TreeMap<>(e.stream().labels()).entrySet()) {
                    g.writeStringField(l.getKey(), l.getValue());
                }
                g.writeEndObject();
                g.writeStringField("line", e.line());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
    }

    /**
     * Reads {@value #ENTRIES}; a line that cannot be read (not JSON, no time or line, a time out
     * of range, longer than {@link io.pitwall.connectors.BoundedLines#DEFAULT_MAX_CHARS}) is skipped
     * and counted, the first one's number and problem kept to say so.
     */
    public static Read readEntries(InputStream in) throws IOException {
        return tolerant(in, 0, new Read(List.of(), 0, null), MAX_READ);
    }

    /** Opens a file's bytes, again if need be. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * Reads {@value #ENTRIES} as {@link #readEntries(InputStream)} does, faster: one streaming
     * parse of the whole file, which gives way to reading it again line by line (opened anew)
     * when its JSON is damaged, so a bad line still costs only that line.
     */
    public static Read readEntries(Source source) throws IOException {
        return readEntries(source, MAX_READ);
    }

    /** {@link #readEntries(Source)} up to {@code max} lines. */
    static Read readEntries(Source source, int max) throws IOException {
        NdjsonEntries.Outcome o;
        try (InputStream in = source.open()) {
            o = NdjsonEntries.read(in, max);
        }
        if (o.complete()) {
            return o.read();
        }
        try (InputStream in = source.open()) {
            in.skipNBytes(o.resumeByte());
            return tolerant(in, o.resumeLine() - 1, o.read(), max);
        }
    }

    /**
     * Line by line: each line parsed on its own, so a damaged one costs only itself. Goes on
     * from {@code before} (what the lines before {@code in}'s first, {@code linesBefore} of them, held).
     */
    private static Read tolerant(InputStream in, int linesBefore, Read before, int max) throws IOException {
        EntryStreams interner = new EntryStreams(new LokiJson.Interner());
        List<LogEntry> out = new ArrayList<>(before.entries());
        int skipped = before.skipped();
        String first = before.firstSkipped();
        var lines = io.pitwall.connectors.BoundedLines.utf8(in, io.pitwall.connectors.BoundedLines.DEFAULT_MAX_CHARS);
        boolean more = false;
        for (String line = lines.next(); line != null; line = lines.next()) {
            String problem = null;
            if (out.size() >= max && (line == io.pitwall.connectors.BoundedLines.TOO_LONG || !line.isBlank())) {
                more = true;
                break;
            }
            if (linesBefore == 0 && lines.lineNumber() == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte order mark, as the streaming parse reads it
            }
            if (line == io.pitwall.connectors.BoundedLines.TOO_LONG) {
                problem = "longer than " + io.pitwall.connectors.BoundedLines.DEFAULT_MAX_CHARS / (1 << 20) + " MiB";
            } else if (line.isBlank()) {
                continue;
            } else if (first != null && io.pitwall.connectors.BoundedLines.lacksKey(line, "line")) {
                // past the first problem (the one said) only counted, not parsed: no entry lacks its line, and a file
                // of millions of other lines costs the reading only
                problem = NO_TIME_OR_LINE;
            } else {
                try {
                    LogEntry e = entry(line, interner);
                    if (e == null) {
                        problem = NO_TIME_OR_LINE;
                    } else {
                        out.add(e);
                    }
                } catch (IOException e) {
                    problem = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? "not JSON ("
                            + firstLine(j.getOriginalMessage()) + ")" : e.getMessage();
                } catch (java.time.DateTimeException | ArithmeticException e) {
                    problem = BAD_TIME;
                }
            }
            if (problem != null) {
                first = first == null ? "line " + (linesBefore + lines.lineNumber()) + ": " + problem : first;
                skipped++;
            }
        }
        return new Read(out, skipped, first, more);
    }

    static final String BAD_TIME = "its time is not an RFC 3339 time Pitwall can hold";
    static final String NO_TIME_OR_LINE = "no time or no line";

    static String firstLine(String s) {
        String m = s == null ? "no detail" : s.lines().findFirst().orElse("no detail");
        return m.length() > 120 ? m.substring(0, 120) + "..." : m;
    }

    /**
     * What a bundle's log entries held, and how many lines could not be read.
     *
     * @param firstSkipped the first line skipped and why ("line 3: not JSON (...)"), or null
     * @param more         whether the file goes on past {@link #MAX_READ} lines, not read
     */
    public record Read(List<LogEntry> entries, int skipped, String firstSkipped, boolean more) {

        public Read(List<LogEntry> entries, int skipped, String firstSkipped) {
            this(entries, skipped, firstSkipped, false);
        }
    }

    /**
     * The most log lines read from a bundle, twice the million the logs pane is built for: a file
     * holding more (16 million lines fit in a 1 GiB entry) is read that far, and said so.
     */
    public static final int MAX_READ = 2_000_000;

    /** The entry of a line, or null when it has no time or no line. */
    private static LogEntry entry(String text, EntryStreams streams) throws IOException {
        try (JsonParser p = LokiJson.FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            Long time = null;
            LogStream stream = null;
            String line = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "time" -> {
                        time = t == JsonToken.VALUE_STRING ? epochNanos(p.getText()) : null;
                        p.skipChildren();
                    }
                    case "labels" -> stream = streams.at(p, t, text);
                    case "line" -> {
                        line = t == JsonToken.VALUE_STRING ? p.getText() : null;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            if (time == null || line == null) {
                return null; // said by the caller: an exception a line made millions of lines slow
            }
            return new LogEntry(time, stream != null ? stream : streams.none(), line);
        }
    }

    /**
     * An RFC 3339 time as nanoseconds since 1970. The form this class writes (UTC, {@code Z}, up to
     * nine fraction digits) is read directly, the rest by {@link Instant#parse} (a million lines'
     * times took a second that way).
     *
     * @throws java.time.DateTimeException when it is not a time, {@link ArithmeticException} beyond 2262
     */
    static long epochNanos(String s) {
        int n = s.length();
        if (n >= 20 && n <= 30 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(n - 1) == 'Z') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int fraction = 0;
            boolean plain = n == 20;
            if (!plain && s.charAt(19) == '.' && n - 21 >= 1 && n - 21 <= 9) {
                fraction = digits(s, 20, n - 1);
                for (int i = n - 21; i < 9 && fraction >= 0; i++) {
                    fraction *= 10;
                }
                plain = true;
            }
            if (plain && year >= 0 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour < 24 && minute >= 0
                    && minute < 60 && second >= 0 && second < 60 && fraction >= 0) {
                long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                long seconds = days * 86_400L + hour * 3600L + minute * 60L + second;
                return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), fraction);
            }
        }
        return LogEntry.nanos(Instant.parse(s));
    }

    /** The decimal number of {@code s} from {@code from} to {@code to}, or -1 if a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
