package io.pitwall.connectors.traces;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pitwall.connectors.model.SpanKind;
import io.pitwall.connectors.model.SpanRef;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Jaeger v1 JSON, streamed span by span (a 100,000-span trace is never a tree of nodes): the
 * trace objects of {@code /api/traces} and {@code /api/traces/{id}} ({@code {"data":[trace]}})
 * and of the Jaeger UI's download ({@code {traceID, spans, processes}}). Times are microseconds.
 * What {@link JaegerJsonWriter} adds is read back: a reference of {@code refType} {@code LINK} with
 * its {@code attributes}, and a span's {@code "shared": true}.
 */
final class JaegerJson {

    /** A trace object's fields, in whatever order they come. */
    static final class TraceReader {
        private final TraceBuilder b = new TraceBuilder("");
        private final Map<String, Integer> processIds = new HashMap<>();
        private final List<String> spanProcessIds = new ArrayList<>();
        private boolean seen;

        /** Whether {@code name} is a trace object's field. */
        static boolean isTraceField(String name) {
            return switch (name) {
                case "traceID", "spans", "processes" -> true;
                default -> false;
            };
        }

        /** Reads the value of {@code name} (the parser is on the value's first token). */
        void field(JsonParser p, String name) throws IOException {
            seen = true;
            switch (name) {
                case "traceID" -> b.traceId(text(p));
                case "spans" -> spans(p);
                case "processes" -> processes(p);
                default -> p.skipChildren();
            }
        }

        boolean seen() {
            return seen;
        }

        Trace build() {
            for (int i = 0; i < spanProcessIds.size(); i++) {
                String pid = spanProcessIds.get(i);
                Integer index = pid == null ? null : processIds.get(pid);
                if (index != null) {
                    b.setProcess(i, index);
                }
            }
            return b.build();
        }

        private void processes(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String id = p.currentName();
                p.nextToken();
                processIds.put(id, process(p));
            }
        }

        /** A {@code {serviceName, tags}} object; returns its index. */
        private int process(JsonParser p) throws IOException {
            String service = "";
            if (p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    switch (f) {
                        case "serviceName" -> service = text(p);
                        case "tags" -> keyValues(p, b::processTag);
                        default -> p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            return b.endProcess(service);
        }

        private void spans(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                span(p);
            }
        }

        private void span(JsonParser p) throws IOException {
            String processId = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "traceID" -> b.spanTraceId(text(p));
                    case "spanID" -> b.spanId(text(p));
                    case "operationName" -> b.operation(text(p));
                    case "startTime" -> b.start(Math.multiplyExact(number(p), 1000L));
                    case "duration" -> b.duration(Math.multiplyExact(number(p), 1000L));
                    case "references" -> references(p);
                    case "tags" -> keyValues(p, this::tag);
                    case "logs" -> logs(p);
                    case "processID" -> processId = text(p);
                    case "process" -> b.process(process(p));
                    case "shared" -> {
                        if (p.currentToken() == JsonToken.VALUE_TRUE) {
                            b.shared();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            spanProcessIds.add(processId);
            b.endSpan();
        }

        private void tag(String key, String value) {
            switch (key) {
                case "error" -> {
                    if ("true".equalsIgnoreCase(value)) {
                        b.error();
                    }
                }
                case "otel.status_code" -> {
                    if ("ERROR".equalsIgnoreCase(value)) {
                        b.error();
                    }
                }
                case "span.kind" -> b.kind(SpanKind.parse(value));
                default -> {
                }
            }
            b.tag(key, value);
        }

        private void references(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String type = "CHILD_OF";
                String traceId = "";
                String spanId = "";
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    switch (f) {
                        case "refType" -> type = text(p);
                        case "traceID" -> traceId = text(p);
                        case "spanID" -> spanId = text(p);
                        case "attributes" -> keyValues(p, b::refAttribute);
                        default -> p.skipChildren();
                    }
                }
                b.endRef("FOLLOWS_FROM".equalsIgnoreCase(type) ? SpanRef.Type.FOLLOWS_FROM
                        : "LINK".equalsIgnoreCase(type) ? SpanRef.Type.LINK : SpanRef.Type.CHILD_OF, traceId, spanId);
            }
        }

        private void logs(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                long time = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    switch (f) {
                        case "timestamp" -> time = Math.multiplyExact(number(p), 1000L);
                        case "fields" -> keyValues(p, b::logField);
                        default -> p.skipChildren();
                    }
                }
                b.endLog(time);
            }
        }
    }

    private JaegerJson() {
    }

    /** {@code data}'s array of trace objects (the parser is on its START_ARRAY, or on null). */
    static void traces(JsonParser p, List<Trace> out) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(p, "\"data\" is not a list of traces");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            TraceReader r = new TraceReader();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                r.field(p, f);
            }
            out.add(r.build());
        }
    }

    interface Sink {
        void accept(String key, String value);
    }

    /** A list of {@code {key, type, value}} (the parser is on its START_ARRAY). */
    static void keyValues(JsonParser p, Sink sink) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String key = "";
            String value = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                switch (f) {
                    case "key" -> key = text(p);
                    case "value" -> value = t.isStructStart() ? skipped(p) : p.getText();
                    default -> p.skipChildren();
                }
            }
            sink.accept(key, value);
        }
    }

    private static String skipped(JsonParser p) throws IOException {
        p.skipChildren();
        return "";
    }

    static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        if (t.isStructStart()) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }

    static long number(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText().trim());
            } catch (NumberFormatException e) {
                throw new JsonParseException(p, "not a number: " + io.pitwall.connectors.logs.LokiJson.shown(p.getText()));
            }
        }
        p.skipChildren();
        return 0;
    }
}
