package io.pitwall.connectors.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.prometheus.PromJson;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loki's HTTP API JSON, read with Jackson's streaming parser (a query_range answer can be tens of
 * megabytes): query_range's {@code data} (streams or matrix), label lists, series, and the tail
 * websocket's messages ({@code streams}, {@code dropped_entries}). Entries of one stream share one
 * {@link LogStream} ({@link Interner}).
 */
public final class LokiJson {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private LokiJson() {
    }

    /** One {@link LogStream} per distinct label set, for as long as the interner lives. */
    public static final class Interner {
        private final Map<Map<String, String>, LogStream> streams = new HashMap<>();

        public synchronized LogStream of(Map<String, String> labels) {
            LogStream s = streams.get(labels);
            if (s == null) {
                s = new LogStream(labels);
                streams.put(s.labels(), s);
            }
            return s;
        }
    }

    /**
     * A query_range's {@code data}: log lines (ascending by time, ties in the server's order) for
     * a streams result, series for a matrix (or vector) result.
     */
    public record Data(String resultType, List<LogEntry> entries, List<MetricSeries> series, int skipped) {

        /** Data with nothing skipped. */
        public Data(String resultType, List<LogEntry> entries, List<MetricSeries> series) {
            this(resultType, entries, series, 0);
        }

        public boolean isStreams() {
            return !resultType.equals("matrix") && !resultType.equals("vector");
        }
    }

    /** A tail message: new lines (ascending) and the lines the server dropped. */
    public record TailMessage(List<LogEntry> entries, int dropped) {
    }

    /**
     * Reads query_range's {@code data} object (the parser is on its START_OBJECT). A value that
     * is well-formed JSON but not a line or a sample (a time that is not nanoseconds, a line that
     * is not a string) is skipped and counted in {@link Data#skipped}.
     */
    public static Data data(JsonParser p, Interner interner) throws IOException {
        expect(p, JsonToken.START_OBJECT);
        int[] skipped = {0};
        String type = "";
        List<LogEntry> entries = new ArrayList<>();
        List<MetricSeries> series = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "resultType" -> type = t == JsonToken.VALUE_STRING ? p.getText() : "";
                case "result" -> result(p, interner, entries, series, skipped);
                default -> p.skipChildren();
            }
        }
        if (type.isEmpty()) {
            type = series.isEmpty() ? "streams" : "matrix";
        }
        entries.sort(Comparator.comparingLong(LogEntry::epochNanos));
        return new Data(type, entries, series, skipped[0]);
    }

    /** A {@code result} array of stream objects ({@code stream}, {@code values}) or series ({@code metric}). */
    private static void result(JsonParser p, Interner interner, List<LogEntry> entries, List<MetricSeries> series,
                               int[] skipped) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            item(p, interner, entries, series, skipped);
        }
        expect(p, JsonToken.END_ARRAY);
    }

    private static void item(JsonParser p, Interner interner, List<LogEntry> entries, List<MetricSeries> series,
                             int[] skipped) throws IOException {
        Map<String, String> labels = Map.of();
        boolean metric = false;
        List<String> lines = new ArrayList<>();
        LongList lineTimes = new LongList();
        LongList times = new LongList();
        DoubleList values = new DoubleList();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "stream" -> labels = io.pitwall.connectors.JsonBodies.labels(p, t);
                case "metric" -> {
                    labels = io.pitwall.connectors.JsonBodies.labels(p, t);
                    metric = true;
                }
                case "values" -> {
                    if (t == JsonToken.START_ARRAY) {
                        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                            if (v == null) {
                                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "the values do not end");
                            }
                            if (v != JsonToken.START_ARRAY || !pair(p, lines, lineTimes, times, values)) {
                                p.skipChildren();
                                skipped[0]++;
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "value" -> {
                    metric = true;
                    if (t != JsonToken.START_ARRAY || !pair(p, lines, lineTimes, times, values)) {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (metric || lines.isEmpty() && values.size > 0) {
            series.add(new MetricSeries(labels, times.toArray(), values.toArray()));
            return;
        }
        LogStream stream = interner.of(labels);
        for (int i = 0; i < lines.size(); i++) {
            entries.add(new LogEntry(lineTimes.get(i), stream, lines.get(i)));
        }
    }

    /**
     * One {@code ["nanos", "line", {metadata}]} (a log line: its time is a string) or
     * {@code [seconds, "value"]} (a sample: its time is a number); the parser is on its
     * START_ARRAY and ends on its END_ARRAY. False (and nothing added) when the pair is neither.
     */
    private static boolean pair(JsonParser p, List<String> lines, LongList lineTimes, LongList times, DoubleList values)
            throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return false;
        }
        String time = t == JsonToken.VALUE_STRING ? p.getText() : null;
        boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
        double seconds = number ? p.getDoubleValue() : 0;
        p.skipChildren();
        JsonToken v = p.nextToken();
        String line = v == JsonToken.VALUE_STRING ? p.getText() : null;
        double value = v == JsonToken.VALUE_STRING ? PromJson.parseValue(line)
                : v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT ? p.getDoubleValue() : Double.NaN;
        if (v != JsonToken.END_ARRAY) {
            p.skipChildren();
            for (JsonToken rest = p.nextToken(); rest != JsonToken.END_ARRAY; rest = p.nextToken()) {
                if (rest == null) {
                    throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "a value does not end");
                }
                p.skipChildren();
            }
        }
        if (time != null) {
            Long ns = nanos(time);
            if (ns == null || line == null) {
                return false;
            }
            lineTimes.add(ns);
            lines.add(line);
            return true;
        }
        if (number && Math.abs(seconds) <= 1e14) {
            times.add(Math.round(seconds * 1000));
            values.add(value);
            return true;
        }
        return false;
    }

    private static Long nanos(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A value from the file as a message shows it: quoted, at most 40 characters. */
    public static String shown(String s) {
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }

    /** {@code /loki/api/v1/series}'s {@code data}: an array of label sets. */
    public static List<Map<String, String>> series(JsonParser p) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return out;
        }
        expect(p, JsonToken.START_ARRAY);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            out.add(Map.copyOf(io.pitwall.connectors.JsonBodies.labels(p, t)));
        }
        return out;
    }

    /** A tail websocket message: {@code {"streams": [...], "dropped_entries": [...]}}. */
    public static TailMessage tailMessage(String text, Interner interner) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "a tail message is not a JSON object");
            }
            List<LogEntry> entries = new ArrayList<>();
            List<MetricSeries> ignored = new ArrayList<>();
            int dropped = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "streams" -> result(p, interner, entries, ignored, new int[1]);
                    case "dropped_entries" -> {
                        if (t == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                p.skipChildren();
                                dropped++;
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            entries.sort(Comparator.comparingLong(LogEntry::epochNanos));
            return new TailMessage(entries, dropped);
        }
    }

    /** Reads a whole query_range response from a file or a bundle (no HTTP status to go by). */
    public static PromJson.Envelope<Data> response(InputStream in, Interner interner) throws IOException {
        return PromJson.envelope(in, p -> data(p, interner));
    }

    /** Nanoseconds since the epoch as Loki's API takes them ("1569266497240578000"). */
    static String nanos(java.time.Instant t) {
        return BigDecimal.valueOf(LogEntry.nanos(t)).toPlainString();
    }

    private static void expect(JsonParser p, JsonToken expected) throws IOException {
        if (p.currentToken() != expected) {
            throw new JsonParseException(p, "expected " + expected + " but found " + p.currentToken());
        }
    }

    private static final class LongList {
        private long[] a = new long[16];
        private int size;

        void add(long v) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        long get(int i) {
            return a[i];
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }

    private static final class DoubleList {
        private double[] a = new double[16];
        private int size;

        void add(double v) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }
}
