package io.pitwall.connectors.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pitwall.connectors.model.MetricSeries;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prometheus HTTP API bodies, streamed with Jackson's {@link JsonParser}: the envelope
 * ({@code status, data, errorType, error, warnings, infos}) and a matrix, vector or scalar result
 * straight into each series' parallel arrays, with no tree and no object per sample. Values may
 * be "NaN", "+Inf", "-Inf"; native-histogram samples are skipped. The fields may come in any order.
 */
public final class PromJson {

    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private PromJson() {
    }

    /** Reads the {@code data} field; the parser is on its first token. */
    @FunctionalInterface
    public interface DataReader<T> {
        T read(JsonParser p) throws IOException;
    }

    /**
     * A response's envelope.
     *
     * @param kind    "Status" when a Kubernetes API server answered instead of Prometheus
     * @param message a Kubernetes Status's message
     */
    public record Envelope<T>(String status, T data, String errorType, String error, List<String> warnings,
                              List<String> infos, String kind, String message) {

        public boolean isError() {
            return "error".equals(status);
        }
    }

    /** Parses a whole body. */
    public static <T> Envelope<T> envelope(InputStream in, DataReader<T> data) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            p.nextToken();
            return envelope(p, data);
        }
    }

    /** Parses the response object the parser is on (its START_OBJECT), up to its END_OBJECT. */
    public static <T> Envelope<T> envelope(JsonParser p, DataReader<T> data) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "not a JSON object");
        }
        String status = "";
        String errorType = "";
        String error = "";
        String kind = "";
        String message = "";
        T value = null;
        List<String> warnings = List.of();
        List<String> infos = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "status" -> status = text(p, t);
                case "errorType" -> errorType = text(p, t);
                case "error" -> error = text(p, t);
                case "kind" -> kind = text(p, t);
                case "message" -> message = text(p, t);
                case "warnings" -> warnings = strings(p);
                case "infos" -> infos = strings(p);
                case "data" -> {
                    if (t == JsonToken.VALUE_NULL) {
                        value = null;
                    } else {
                        value = data.read(p);
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new Envelope<>(status, value, errorType, error, warnings, infos, kind, message);
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return "";
        }
        return t == JsonToken.VALUE_NULL ? "" : p.getText();
    }

    /** An array of strings (label names, label values, warnings); null is an empty list. */
    public static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(p, JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken().isStructStart()) {
                p.skipChildren();
            } else {
                out.add(p.getText());
            }
        }
        return out;
    }

    /** The data as a Jackson tree (alerts, rules, build info: small answers). */
    public static JsonNode tree(JsonParser p) throws IOException {
        return MAPPER.readTree(p);
    }

    /** {@code data} of a query or query_range: {@code {resultType, result}}, as series. */
    public static List<MetricSeries> result(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT);
        List<MetricSeries> series = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("result")) {
                series = seriesArray(p);
            } else {
                p.skipChildren();
            }
        }
        return series;
    }

    /** A result array: series objects (matrix, vector) or one {@code [time, "value"]} (scalar, string). */
    static List<MetricSeries> seriesArray(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(p, JsonToken.START_ARRAY);
        List<MetricSeries> out = new ArrayList<>();
        Points points = new Points();
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.END_ARRAY) {
            // scalar: [1435781451.781, "1"]
            long time = millis(p);
            p.nextToken();
            double v = value(p);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
            out.add(new MetricSeries(Map.of(), new long[] {time}, new double[] {v}));
            return out;
        }
        while (t == JsonToken.START_OBJECT) {
            out.add(series(p, points));
            t = p.nextToken();
        }
        expect(p, JsonToken.END_ARRAY);
        return out;
    }

    private static MetricSeries series(JsonParser p, Points points) throws IOException {
        Map<String, String> labels = Map.of();
        points.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "metric" -> labels = io.pitwall.connectors.JsonBodies.labels(p, t);
                case "values" -> {
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            point(p, points);
                        }
                        expect(p, JsonToken.END_ARRAY);
                    } else {
                        p.skipChildren();
                    }
                }
                case "value" -> {
                    if (t == JsonToken.START_ARRAY) {
                        point(p, points);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return points.series(labels);
    }


    /** One {@code [time, "value"]}; the parser is on its START_ARRAY and ends on its END_ARRAY. */
    private static void point(JsonParser p, Points points) throws IOException {
        p.nextToken();
        long time = millis(p);
        p.nextToken();
        double v = value(p);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
        points.add(time, v);
    }

    /** Far beyond any time a sample has (the year 2^31 or so), well inside what an Instant and a long hold. */
    private static final double MAX_SECONDS = 1e14;

    /**
     * A sample's time, in seconds (a number, maybe fractional, or its text), as epoch
     * milliseconds; a {@link BadValue} when it is not a number or out of range.
     */
    static long millis(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        double seconds;
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            seconds = p.getDoubleValue();
        } else if (t == JsonToken.VALUE_STRING) {
            try {
                seconds = NumberInput.parseDouble(p.getText().strip(), true);
            } catch (NumberFormatException e) {
                throw new BadValue(p, "a time is not a number: " + quoted(p.getText()));
            }
        } else {
            throw new BadValue(p, "a time is not a number");
        }
        if (!(Math.abs(seconds) <= MAX_SECONDS)) {
            throw new BadValue(p, "a time is out of range: " + quoted(p.getText()));
        }
        return t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() * 1000 : Math.round(seconds * 1000);
    }

    /** A value that is well-formed JSON but not what Prometheus writes there: the item holding it is skipped. */
    public static final class BadValue extends com.fasterxml.jackson.core.JsonParseException {
        private static final long serialVersionUID = 1L;

        BadValue(JsonParser p, String message) {
            super(p, message);
        }
    }

    /** Reads on until the parser has closed what it was in, back in {@code context} (a skipped item). */
    static void skipTo(JsonParser p, com.fasterxml.jackson.core.JsonStreamContext context) throws IOException {
        while (p.getParsingContext() != context) {
            if (p.nextToken() == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "the JSON ends inside an item");
            }
        }
    }

    /** A parser's or reader's problem in one short line, without Jackson's location. */
    public static String why(Exception e) {
        String m = e instanceof com.fasterxml.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage();
        if (e instanceof java.time.DateTimeException) {
            m = "a time is not RFC 3339 or out of range";
        } else if (e instanceof ArithmeticException) {
            m = "a number is out of range";
        } else if (e instanceof NumberFormatException) {
            m = "a number is not one";
        }
        m = m == null || m.isBlank() ? "not readable" : m.strip().lines().findFirst().orElse("not readable");
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }

    private static String quoted(String s) {
        String t = s == null ? "" : s;
        return "\"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
    }

    /** A sample's value: a string ("1", "1e+00", "NaN", "+Inf", "-Inf"), or a number. */
    static double value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new BadValue(p, "a sample's value is not a string");
        }
        return parseValue(p.getText());
    }

    /** Prometheus's text of a float. */
    public static double parseValue(String s) {
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return NumberInput.parseDouble(s, true);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
        }
    }

    /** Prometheus's text of a float, as it writes it ("NaN", "+Inf", shortest digits). */
    public static String formatValue(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static void expect(JsonParser p, JsonToken expected) throws IOException {
        if (p.currentToken() != expected) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "expected " + expected + " but found "
                    + p.currentToken());
        }
    }

    /** One growing pair of arrays, reused from series to series. */
    private static final class Points {
        private long[] times = new long[256];
        private double[] values = new double[256];
        private int size;

        void clear() {
            size = 0;
        }

        void add(long t, double v) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = t;
            values[size] = v;
            size++;
        }

        MetricSeries series(Map<String, String> labels) {
            return new MetricSeries(labels, Arrays.copyOf(times, size), Arrays.copyOf(values, size));
        }
    }
}
